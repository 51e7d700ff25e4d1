import { z } from 'zod';
import { draftCourseBody } from '../draft-course/draft-course.dto';

/** Any subset of the draft fields; capacity too (never below the seats held). */
export const editCourseBody = draftCourseBody
  .extend({
    description: z.string().max(10_000),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20),
  })
  .partial()
  .strict();

export type EditCourseBody = z.infer<typeof editCourseBody>;
