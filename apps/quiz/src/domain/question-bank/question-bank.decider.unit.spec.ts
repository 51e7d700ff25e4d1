import { questionSchema, type Question, type QuestionBankEvent } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import {
  questionBankDecider,
  type QuestionBankCommand,
  type QuestionBankState,
} from './question-bank.decider';
import {
  BankQuestionIdTakenError,
  BankQuestionNotFoundError,
  ImportRejectedError,
  InvalidBankQuestionError,
} from './question-bank-errors';

const spec = deciderSpec<QuestionBankState, QuestionBankCommand, QuestionBankEvent>(questionBankDecider);
const ownerId = 'inst-1';
const numeric = (questionId: string, correct = 42): Question =>
  questionSchema.parse({
    questionId,
    kind: 'numeric',
    prompt: 'How many?',
    points: 1,
    correct,
    tolerance: 0.5,
  });
const b1 = numeric('b1');
const b2 = numeric('b2');
const added = (question: Question, tags: string[] = []): QuestionBankEvent => ({
  type: 'BankQuestionAdded',
  data: { ownerId, question, tags },
});
const imported = (importId: string, questions: Question[]): QuestionBankEvent => ({
  type: 'BankQuestionsImported',
  data: { ownerId, importId, format: 'csv', questions },
});
const importing = (importId: string, questions: Question[]): QuestionBankCommand => ({
  type: 'ImportBankQuestions',
  ownerId,
  importId,
  format: 'csv',
  rows: questions.map((question, index) => ({ row: index + 1, question })),
});
const isA =
  (type: new (...args: never[]) => Error) =>
  (error: unknown): boolean =>
    error instanceof type;

describe('question bank decider', () => {
  it('adds a question with its tags', () => {
    spec
      .given([])
      .when({ type: 'AddBankQuestion', ownerId, question: b1, tags: ['maths'] })
      .then([added(b1, ['maths'])]);
  });

  it('refuses an id the bank already holds, and a question that breaks a rule', () => {
    spec
      .given([added(b1)])
      .when({ type: 'AddBankQuestion', ownerId, question: b1, tags: [] })
      .thenThrows(isA(BankQuestionIdTakenError));
    spec
      .given([])
      .when({ type: 'AddBankQuestion', ownerId, question: { ...b1, tolerance: -1 } as Question, tags: [] })
      .thenThrows(
        (error) =>
          error instanceof InvalidBankQuestionError && error.issues[0]?.field === 'question.tolerance',
      );
  });

  it('edits and removes known questions only', () => {
    const edited = numeric('b1', 43);
    spec
      .given([added(b1)])
      .when({ type: 'EditBankQuestion', ownerId, question: edited })
      .then([{ type: 'BankQuestionEdited', data: { ownerId, question: edited } }]);
    spec
      .given([added(b1)])
      .when({ type: 'EditBankQuestion', ownerId, question: b1 })
      .then([]);
    spec
      .given([])
      .when({ type: 'EditBankQuestion', ownerId, question: b1 })
      .thenThrows(isA(BankQuestionNotFoundError));
    spec
      .given([added(b1)])
      .when({ type: 'RemoveBankQuestion', ownerId, questionId: 'b1' })
      .then([{ type: 'BankQuestionRemoved', data: { ownerId, questionId: 'b1' } }]);
    spec
      .given([])
      .when({ type: 'RemoveBankQuestion', ownerId, questionId: 'b1' })
      .thenThrows(isA(BankQuestionNotFoundError));
  });

  it('imports every row in one event', () => {
    spec
      .given([])
      .when(importing('imp-1', [b1, b2]))
      .then([imported('imp-1', [b1, b2])]);
  });

  it('a retried import (same import id) stores nothing new', () => {
    spec
      .given([imported('imp-1', [b1, b2])])
      .when(importing('imp-1', [b1, b2]))
      .then([]);
  });

  it('refuses the whole import when a row repeats an id or collides with the bank, naming the rows', () => {
    spec
      .given([added(b1)])
      .when(importing('imp-2', [b2, b1, b2]))
      .thenThrows((error) => {
        expect(error).toBeInstanceOf(ImportRejectedError);
        expect((error as ImportRejectedError).rows).toEqual([
          { row: 2, field: 'questionId', message: 'b1 is already in your bank' },
          { row: 3, field: 'questionId', message: 'b2 repeats row 1' },
        ]);
      });
  });

  it('refuses an empty import', () => {
    spec.given([]).when(importing('imp-3', [])).thenThrows(isA(ImportRejectedError));
  });
});
