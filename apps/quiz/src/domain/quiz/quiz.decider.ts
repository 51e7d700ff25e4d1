import { isDeepStrictEqual } from 'node:util';
import type { Question, QuizEvent, QuizPublishedData, QuizSettings } from '@quizbook/contracts';
import { questionIssues, questionListIssues } from '../questions/question-rules';
import {
  InvalidQuestionError,
  QuestionIdTakenError,
  QuestionNotFoundError,
  QuizAlreadyExistsError,
  QuizArchivedError,
  QuizHasNoQuestionsError,
  QuizNotFoundError,
} from './quiz-errors';

export type QuizStatus = 'absent' | 'draft' | 'published' | 'archived';

/** A frozen, published version: what attempts are started and graded against. */
export type PublishedQuizVersion = QuizPublishedData;

export interface QuizState {
  status: QuizStatus;
  quizId?: string;
  courseId?: string;
  ownerId?: string;
  title?: string;
  settings?: QuizSettings;
  draftedAt?: string;
  /** The working copy, in authoring order. */
  questions: Question[];
  /** questionId -> the bank question it was copied from. */
  copiedFromBank: Record<string, string>;
  /** Every published version, oldest first; version n is at index n - 1. */
  versions: PublishedQuizVersion[];
}

export type QuizCommand =
  | {
      type: 'DraftQuiz';
      quizId: string;
      courseId: string;
      ownerId: string;
      draftedBy: string;
      title: string;
      settings: QuizSettings;
      questions: Question[];
      draftedAt: string;
    }
  | { type: 'ChangeQuizSettings'; quizId: string; title?: string; settings?: Partial<QuizSettings> }
  | { type: 'AddQuestion'; quizId: string; question: Question; bankQuestionId?: string }
  | { type: 'EditQuestion'; quizId: string; question: Question }
  | { type: 'RemoveQuestion'; quizId: string; questionId: string }
  | { type: 'PublishQuiz'; quizId: string; publishedAt: string }
  | { type: 'ArchiveQuiz'; quizId: string };

export const initialState = (): QuizState => ({
  status: 'absent',
  questions: [],
  copiedFromBank: {},
  versions: [],
});

export const latestVersion = (state: QuizState): PublishedQuizVersion | undefined =>
  state.versions[state.versions.length - 1];

/** The working copy differs from the latest published version (or nothing is published yet). */
export function hasUnpublishedChanges(state: QuizState): boolean {
  const latest = latestVersion(state);
  if (!latest) return true;
  return !isDeepStrictEqual(
    { title: latest.title, settings: latest.settings, questions: latest.questions },
    { title: state.title, settings: state.settings, questions: state.questions },
  );
}

export function evolve(state: QuizState, event: QuizEvent): QuizState {
  switch (event.type) {
    case 'QuizDrafted': {
      const { quizId, courseId, ownerId, title, settings, draftedAt } = event.data;
      return { ...initialState(), status: 'draft', quizId, courseId, ownerId, title, settings, draftedAt };
    }
    case 'QuizSettingsChanged':
      return { ...state, title: event.data.title, settings: event.data.settings };
    case 'QuestionAdded': {
      const { question, bankQuestionId } = event.data;
      return {
        ...state,
        questions: [...state.questions, question],
        copiedFromBank: bankQuestionId
          ? { ...state.copiedFromBank, [question.questionId]: bankQuestionId }
          : state.copiedFromBank,
      };
    }
    case 'QuestionEdited':
      return {
        ...state,
        questions: state.questions.map((q) =>
          q.questionId === event.data.question.questionId ? event.data.question : q,
        ),
      };
    case 'QuestionRemoved': {
      const { [event.data.questionId]: _dropped, ...copiedFromBank } = state.copiedFromBank;
      return {
        ...state,
        questions: state.questions.filter((q) => q.questionId !== event.data.questionId),
        copiedFromBank,
      };
    }
    case 'QuizPublished':
      return {
        ...state,
        status: state.status === 'archived' ? 'archived' : 'published',
        versions: [...state.versions, event.data],
      };
    case 'QuizArchived':
      return { ...state, status: 'archived' };
  }
}

/**
 * Repeating a command that already took effect (publish with nothing changed, archive twice, an
 * edit that changes nothing) decides nothing, so a retried request is harmless.
 */
export function decide(command: QuizCommand, state: QuizState): QuizEvent[] {
  const { quizId } = command;
  if (command.type === 'DraftQuiz') {
    if (state.status !== 'absent') throw new QuizAlreadyExistsError(quizId);
    const issues = questionListIssues(command.questions, 'questions');
    if (issues.length > 0) throw new InvalidQuestionError(quizId, issues);
    const { courseId, ownerId, draftedBy, title, settings, draftedAt } = command;
    return [
      { type: 'QuizDrafted', data: { quizId, courseId, ownerId, draftedBy, title, settings, draftedAt } },
      ...command.questions.map((question): QuizEvent => ({
        type: 'QuestionAdded',
        data: { quizId, question },
      })),
    ];
  }
  if (state.status === 'absent') throw new QuizNotFoundError(quizId);
  if (command.type === 'ArchiveQuiz')
    return state.status === 'archived' ? [] : [{ type: 'QuizArchived', data: { quizId } }];
  if (state.status === 'archived') throw new QuizArchivedError(quizId);

  switch (command.type) {
    case 'ChangeQuizSettings': {
      const title = command.title ?? state.title!;
      const settings = { ...state.settings!, ...definedOnly(command.settings ?? {}) };
      if (title === state.title && isDeepStrictEqual(settings, state.settings)) return [];
      return [{ type: 'QuizSettingsChanged', data: { quizId, title, settings } }];
    }
    case 'AddQuestion': {
      const { question, bankQuestionId } = command;
      refuseInvalid(quizId, question);
      if (findQuestion(state, question.questionId))
        throw new QuestionIdTakenError(quizId, question.questionId);
      return [
        { type: 'QuestionAdded', data: { quizId, question, ...(bankQuestionId ? { bankQuestionId } : {}) } },
      ];
    }
    case 'EditQuestion': {
      const current = findQuestion(state, command.question.questionId);
      if (!current) throw new QuestionNotFoundError(quizId, command.question.questionId);
      refuseInvalid(quizId, command.question);
      if (isDeepStrictEqual(current, command.question)) return [];
      return [{ type: 'QuestionEdited', data: { quizId, question: command.question } }];
    }
    case 'RemoveQuestion':
      if (!findQuestion(state, command.questionId))
        throw new QuestionNotFoundError(quizId, command.questionId);
      return [{ type: 'QuestionRemoved', data: { quizId, questionId: command.questionId } }];
    case 'PublishQuiz': {
      if (state.questions.length === 0) throw new QuizHasNoQuestionsError(quizId);
      if (!hasUnpublishedChanges(state)) return [];
      return [
        {
          type: 'QuizPublished',
          data: {
            quizId,
            courseId: state.courseId!,
            ownerId: state.ownerId!,
            version: state.versions.length + 1,
            title: state.title!,
            settings: state.settings!,
            questions: state.questions,
            publishedAt: command.publishedAt,
          },
        },
      ];
    }
  }
}

const findQuestion = (state: QuizState, questionId: string): Question | undefined =>
  state.questions.find((q) => q.questionId === questionId);

function refuseInvalid(quizId: string, question: Question): void {
  const issues = questionIssues(question, 'question');
  if (issues.length > 0) throw new InvalidQuestionError(quizId, issues);
}

function definedOnly<T extends object>(partial: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const quizDecider = { initialState, evolve, decide };
