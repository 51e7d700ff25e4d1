import { questionIdSchema, questionSchema } from '@quizbook/contracts';
import { z } from 'zod';

/** A new question, or a copy of one from the caller's bank (optionally under another id). */
export const addQuestionBody = z.union([
  z.object({ question: questionSchema }).strict(),
  z.object({ bankQuestionId: questionIdSchema, questionId: questionIdSchema.optional() }).strict(),
]);
export type AddQuestionBody = z.infer<typeof addQuestionBody>;

export const replaceQuestionBody = z.object({ question: questionSchema }).strict();
export type ReplaceQuestionBody = z.infer<typeof replaceQuestionBody>;
