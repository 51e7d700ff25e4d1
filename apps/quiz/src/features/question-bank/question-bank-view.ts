import type { Question } from '@quizbook/contracts';
import type { QuestionBankState } from '../../domain/question-bank/question-bank.decider';

export interface QuestionBankView {
  ownerId: string;
  questions: { question: Question; tags: string[]; importId?: string }[];
  /** The stream revision, also sent as the ETag header. */
  revision: number;
}

export const questionBankViewOf = (
  ownerId: string,
  state: QuestionBankState,
  revision: bigint,
): QuestionBankView => ({ ownerId, questions: state.entries, revision: Number(revision) });
