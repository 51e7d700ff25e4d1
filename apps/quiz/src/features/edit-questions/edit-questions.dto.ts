import { questionIdSchema, questionSchema } from '@quizbook/contracts';
import { z } from 'zod';

/**
 * A new question, or a copy of one from the caller's bank (optionally under another id). One object
 * rather than a union, so a bad question's errors name its fields (`question.points`) instead of
 * one unnamed "invalid input".
 */
export const addQuestionBody = z
  .object({
    question: questionSchema.optional(),
    bankQuestionId: questionIdSchema.optional(),
    questionId: questionIdSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if ((body.question === undefined) === (body.bankQuestionId === undefined))
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['question'],
        message: 'send either question or bankQuestionId',
      });
    if (body.question !== undefined && body.questionId !== undefined)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['questionId'],
        message: 'goes with bankQuestionId only; a new question carries its own id',
      });
  });
export type AddQuestionBody = z.infer<typeof addQuestionBody>;

export const replaceQuestionBody = z.object({ question: questionSchema }).strict();
export type ReplaceQuestionBody = z.infer<typeof replaceQuestionBody>;
