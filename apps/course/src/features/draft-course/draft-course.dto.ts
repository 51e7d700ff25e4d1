import { courseDetailsSchema } from '@quizbook/contracts';
import { z } from 'zod';

export const draftCourseBody = courseDetailsSchema
  .extend({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(''),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default([]),
    capacity: z.number().int().min(1).max(100_000),
  })
  .strict();

export type DraftCourseBody = z.infer<typeof draftCourseBody>;
