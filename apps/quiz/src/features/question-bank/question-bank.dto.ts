import { questionSchema } from '@quizbook/contracts';
import { z } from 'zod';

const tags = z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20);

export const addBankQuestionBody = z.object({ question: questionSchema, tags: tags.default([]) }).strict();
export type AddBankQuestionBody = z.infer<typeof addBankQuestionBody>;

export const replaceBankQuestionBody = z.object({ question: questionSchema }).strict();
export type ReplaceBankQuestionBody = z.infer<typeof replaceBankQuestionBody>;
