import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';
import { questionIdSchema, questionSchema } from './question';

/** `questionbank-<ownerId>`: one instructor's reusable questions. */
export const questionBankStreamCategory = 'questionbank';
export const questionBankStreamName = (ownerId: string): string => `${questionBankStreamCategory}-${ownerId}`;

const ownerId = z.string().min(1);

export const BankQuestionAdded = defineContract(
  'BankQuestionAdded',
  1,
  z.object({
    ownerId,
    question: questionSchema,
    tags: z.array(z.string().min(1).max(50)).max(20).default([]),
  }),
);

/** A whole import is one event: every row of it lands, or (when any row is invalid) none does. */
export const BankQuestionsImported = defineContract(
  'BankQuestionsImported',
  1,
  z.object({
    ownerId,
    importId: z.string().min(1),
    format: z.enum(['json', 'csv']),
    questions: z.array(questionSchema).min(1),
  }),
);

export const BankQuestionEdited = defineContract(
  'BankQuestionEdited',
  1,
  z.object({ ownerId, question: questionSchema }),
);

export const BankQuestionRemoved = defineContract(
  'BankQuestionRemoved',
  1,
  z.object({ ownerId, questionId: questionIdSchema }),
);

export type BankQuestionAddedData = ContractData<typeof BankQuestionAdded>;
export type BankQuestionsImportedData = ContractData<typeof BankQuestionsImported>;
export type BankQuestionEditedData = ContractData<typeof BankQuestionEdited>;
export type BankQuestionRemovedData = ContractData<typeof BankQuestionRemoved>;

export const questionBankEventContracts = {
  BankQuestionAdded,
  BankQuestionsImported,
  BankQuestionEdited,
  BankQuestionRemoved,
} as const;

export type QuestionBankEvent = EventOf<typeof questionBankEventContracts>;

export const parseQuestionBankEvent = eventParser(questionBankEventContracts);
