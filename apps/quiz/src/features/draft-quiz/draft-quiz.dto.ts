import { questionSchema, quizSettingsSchema } from '@quizbook/contracts';
import { z } from 'zod';

export const quizTitle = z.string().trim().min(1).max(200);

export const draftQuizBody = z
  .object({
    title: quizTitle,
    /** Unset settings take the defaults (defaultQuizSettings). */
    settings: quizSettingsSchema.partial().strict().default({}),
    questions: z.array(questionSchema).max(200).default([]),
  })
  .strict();

export type DraftQuizBody = z.infer<typeof draftQuizBody>;
