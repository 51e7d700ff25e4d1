import type { LearnerQuestion, Question, QuizSettings } from '@quizbook/contracts';
import { toLearnerQuestion } from '../domain/questions/learner-question';
import {
  hasUnpublishedChanges,
  latestVersion,
  type PublishedQuizVersion,
  type QuizState,
} from '../domain/quiz/quiz.decider';

/** The author's view: the working copy with answer keys, and what is published. */
export interface AuthorQuizView {
  quizId: string;
  courseId: string;
  ownerId: string;
  status: 'draft' | 'published' | 'archived';
  title: string;
  settings: QuizSettings;
  questions: Question[];
  /** questionId -> the bank question it was copied from. */
  copiedFromBank: Record<string, string>;
  latestVersion: number | null;
  publishedAt: string | null;
  versions: { version: number; publishedAt: string }[];
  hasUnpublishedChanges: boolean;
  /** The stream revision, also sent as the ETag header. */
  revision: number;
}

/** What an enrolled learner sees: the latest published version, no answer key, no explanation. */
export interface LearnerQuizView {
  quizId: string;
  courseId: string;
  status: 'published' | 'archived';
  title: string;
  version: number;
  publishedAt: string;
  settings: Pick<QuizSettings, 'timeLimitSeconds' | 'attemptsAllowed' | 'passMarkPercent' | 'lateSubmission'>;
  totalPoints: number;
  questions: LearnerQuestion[];
}

export function authorQuizViewOf(state: QuizState, revision: bigint): AuthorQuizView {
  const latest = latestVersion(state);
  return {
    quizId: state.quizId!,
    courseId: state.courseId!,
    ownerId: state.ownerId!,
    status: state.status as AuthorQuizView['status'],
    title: state.title!,
    settings: state.settings!,
    questions: state.questions,
    copiedFromBank: state.copiedFromBank,
    latestVersion: latest?.version ?? null,
    publishedAt: latest?.publishedAt ?? null,
    versions: state.versions.map(({ version, publishedAt }) => ({ version, publishedAt })),
    hasUnpublishedChanges: hasUnpublishedChanges(state),
    revision: Number(revision),
  };
}

export function learnerQuizViewOf(state: QuizState, published: PublishedQuizVersion): LearnerQuizView {
  const { timeLimitSeconds, attemptsAllowed, passMarkPercent, lateSubmission } = published.settings;
  return {
    quizId: published.quizId,
    courseId: published.courseId,
    status: state.status === 'archived' ? 'archived' : 'published',
    title: published.title,
    version: published.version,
    publishedAt: published.publishedAt,
    settings: { timeLimitSeconds, attemptsAllowed, passMarkPercent, lateSubmission },
    totalPoints: published.questions.reduce((sum, question) => sum + question.points, 0),
    questions: published.questions.map(toLearnerQuestion),
  };
}
