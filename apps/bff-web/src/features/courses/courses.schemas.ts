import { courseLevels } from '@quizbook/contracts';
import { z } from 'zod';

// The course service owns the rules; the edge refuses early only what it could never accept, with
// the same bounds, so both answer the same problem for the same field.

// `?q=` (an emptied search box) means no text at all, not a search for "".
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(max).optional(),
  );

export const searchCoursesQuery = z.object({
  q: optionalText(200).describe('Words in the title, description or tags'),
  tag: optionalText(50),
  level: z.preprocess((value) => (value === '' ? undefined : value), z.enum(courseLevels).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchCoursesQuery = z.infer<typeof searchCoursesQuery>;

const tags = z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20);
const courseFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000),
  tags,
  level: z.enum(courseLevels),
  priceCents: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  capacity: z.number().int().min(1).max(100_000),
  startsAt: z.string().datetime({ offset: true }),
};

export const draftCourseBody = z
  .object({ ...courseFields, description: courseFields.description.optional(), tags: tags.optional() })
  .strict();
export const editCourseBody = z.object(courseFields).partial().strict();
export type DraftCourseBody = z.infer<typeof draftCourseBody>;
export type EditCourseBody = z.infer<typeof editCourseBody>;

const status = z.enum(['draft', 'published', 'archived']);
const courseShape = {
  courseId: z.string(),
  ownerId: z.string(),
  status,
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  level: z.enum(courseLevels),
  priceCents: z.number().int(),
  currency: z.string(),
  startsAt: z.string().datetime(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  version: z.number().int().describe('The version the ETag names; send it back as If-Match'),
};

export const courseView = z.object({ ...courseShape, seatsHeld: z.number().int() });
export const courseDetail = z.object({
  ...courseShape,
  enrollment: z
    .object({ orderId: z.string(), status: z.enum(['active']) })
    .optional()
    .describe('Only for a signed-in learner with a paid seat in this course'),
});

const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const courseSearchResult = z.object({
  items: z.array(
    z.object({
      courseId: z.string(),
      title: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      level: z.string(),
      priceCents: z.number().int(),
      currency: z.string(),
      seatsLeft: z.number().int(),
      startsAt: z.string().datetime(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z
    .object({ tags: facetCounts, levels: facetCounts })
    .describe('Counted over every match, most frequent first'),
});

export const etagHeader = { etag: 'The course version, weak (`W/"3"`): send it as If-Match' };
export const ifMatchHeader = (required: boolean) => ({
  'if-match': {
    description: required
      ? 'The ETag of the version you edited; 428 without it, 412 when stale'
      : 'Optional: act only on this version (412 when stale)',
    required,
  },
});
