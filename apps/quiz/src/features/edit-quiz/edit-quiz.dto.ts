import { quizSettingsSchema } from '@quizbook/contracts';
import { z } from 'zod';
import { quizTitle } from '../draft-quiz/draft-quiz.dto';

/** A new title, some settings, or both; unset settings keep their value. */
export const editQuizBody = z
  .object({ title: quizTitle.optional(), settings: quizSettingsSchema.partial().strict().optional() })
  .strict();

export type EditQuizBody = z.infer<typeof editQuizBody>;
