import { isDeepStrictEqual } from 'node:util';
import type { Question, QuestionBankEvent } from '@quizbook/contracts';
import { questionIssues } from '../questions/question-rules';
import {
  BankQuestionIdTakenError,
  BankQuestionNotFoundError,
  ImportRejectedError,
  InvalidBankQuestionError,
  type ImportRowError,
} from './question-bank-errors';

export interface BankEntry {
  question: Question;
  tags: string[];
  /** Set for questions that came in through an import. */
  importId?: string;
}

export interface QuestionBankState {
  /** In the order they entered the bank. */
  entries: BankEntry[];
  /** importId -> how many questions it brought: a retried import answers the same count. */
  imports: Record<string, number>;
}

/** A question of an import with the row it came from, so refusals name the author's row. */
export interface ImportRow {
  row: number;
  question: Question;
}

export type QuestionBankCommand =
  | { type: 'AddBankQuestion'; ownerId: string; question: Question; tags: string[] }
  | { type: 'EditBankQuestion'; ownerId: string; question: Question }
  | { type: 'RemoveBankQuestion'; ownerId: string; questionId: string }
  | {
      type: 'ImportBankQuestions';
      ownerId: string;
      importId: string;
      format: 'json' | 'csv';
      rows: ImportRow[];
    };

export const initialState = (): QuestionBankState => ({ entries: [], imports: {} });

export const findBankEntry = (state: QuestionBankState, questionId: string): BankEntry | undefined =>
  state.entries.find((entry) => entry.question.questionId === questionId);

export function evolve(state: QuestionBankState, event: QuestionBankEvent): QuestionBankState {
  switch (event.type) {
    case 'BankQuestionAdded':
      return {
        ...state,
        entries: [...state.entries, { question: event.data.question, tags: event.data.tags }],
      };
    case 'BankQuestionsImported': {
      const { importId, questions } = event.data;
      return {
        entries: [...state.entries, ...questions.map((question) => ({ question, tags: [], importId }))],
        imports: { ...state.imports, [importId]: questions.length },
      };
    }
    case 'BankQuestionEdited':
      return {
        ...state,
        entries: state.entries.map((entry) =>
          entry.question.questionId === event.data.question.questionId
            ? { ...entry, question: event.data.question }
            : entry,
        ),
      };
    case 'BankQuestionRemoved':
      return {
        ...state,
        entries: state.entries.filter((entry) => entry.question.questionId !== event.data.questionId),
      };
  }
}

export function decide(command: QuestionBankCommand, state: QuestionBankState): QuestionBankEvent[] {
  const { ownerId } = command;
  switch (command.type) {
    case 'AddBankQuestion': {
      const { question, tags } = command;
      refuseInvalid(ownerId, question);
      if (findBankEntry(state, question.questionId))
        throw new BankQuestionIdTakenError(ownerId, question.questionId);
      return [{ type: 'BankQuestionAdded', data: { ownerId, question, tags } }];
    }
    case 'EditBankQuestion': {
      const entry = findBankEntry(state, command.question.questionId);
      if (!entry) throw new BankQuestionNotFoundError(ownerId, command.question.questionId);
      refuseInvalid(ownerId, command.question);
      if (isDeepStrictEqual(entry.question, command.question)) return [];
      return [{ type: 'BankQuestionEdited', data: { ownerId, question: command.question } }];
    }
    case 'RemoveBankQuestion':
      if (!findBankEntry(state, command.questionId))
        throw new BankQuestionNotFoundError(ownerId, command.questionId);
      return [{ type: 'BankQuestionRemoved', data: { ownerId, questionId: command.questionId } }];
    case 'ImportBankQuestions': {
      const { importId, format, rows } = command;
      // The same import again (a retry): it already landed, whole.
      if (state.imports[importId] !== undefined) return [];
      const errors = importRowErrors(state, rows);
      if (rows.length === 0)
        errors.push({ row: 0, field: '(root)', message: 'the import holds no question' });
      if (errors.length > 0) throw new ImportRejectedError(ownerId, errors);
      return [
        {
          type: 'BankQuestionsImported',
          data: { ownerId, importId, format, questions: rows.map((row) => row.question) },
        },
      ];
    }
  }
}

/** Rule breaches, ids repeated within the import, and ids the bank already holds. */
function importRowErrors(state: QuestionBankState, rows: ImportRow[]): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, question } of rows) {
    for (const issue of questionIssues(question)) errors.push({ row, ...issue });
    const { questionId } = question;
    const earlier = seen.get(questionId);
    if (earlier !== undefined)
      errors.push({ row, field: 'questionId', message: `${questionId} repeats row ${earlier}` });
    else if (findBankEntry(state, questionId))
      errors.push({ row, field: 'questionId', message: `${questionId} is already in your bank` });
    seen.set(questionId, earlier ?? row);
  }
  return errors;
}

function refuseInvalid(ownerId: string, question: Question): void {
  const issues = questionIssues(question, 'question');
  if (issues.length > 0) throw new InvalidBankQuestionError(ownerId, issues);
}

export const questionBankDecider = { initialState, evolve, decide };
