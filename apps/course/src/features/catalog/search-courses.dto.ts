import { courseLevels } from '@quizbook/contracts';
import { z } from 'zod';

// `?q=` (an emptied search box) means no text at all, not a search for "".
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(max).optional(),
  );

export const maxPageSize = 100;

export const searchCoursesQuery = z.object({
  q: optionalText(200),
  tag: optionalText(50),
  level: z.preprocess((value) => (value === '' ? undefined : value), z.enum(courseLevels).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(20),
});

export type SearchCoursesQuery = z.infer<typeof searchCoursesQuery>;
