import type {
  Answers,
  AttemptEvent,
  AttemptExpiredData,
  AttemptGradedData,
  AttemptStartedData,
  AttemptSubmittedData,
  LateSubmissionRule,
} from '@quizbook/contracts';
import { gradeAttempt, type GradableQuiz } from '../grading/grade-attempt';
import {
  AttemptAlreadyStartedError,
  AttemptAlreadySubmittedError,
  AttemptClosedError,
  AttemptNotFoundError,
  AttemptNotSubmittedError,
  WrongQuizVersionError,
} from './attempt-errors';

export type AttemptStatus = 'absent' | 'in-progress' | 'submitted' | 'graded' | 'expired';

export interface AttemptState {
  status: AttemptStatus;
  started?: AttemptStartedData;
  submitted?: AttemptSubmittedData;
  graded?: AttemptGradedData;
  expired?: AttemptExpiredData;
}

/** The published version an attempt is started on (a QuizPublished snapshot). */
export interface AttemptQuizVersion extends GradableQuiz {
  quizId: string;
  courseId: string;
  version: number;
  settings: GradableQuiz['settings'] & { timeLimitSeconds: number };
}

/** Time always arrives in the command (`now`), from the injected clock: the decider never reads it. */
export type AttemptCommand =
  | {
      type: 'StartAttempt';
      attemptId: string;
      attemptNumber: number;
      learnerId: string;
      quiz: AttemptQuizVersion;
      /** Decided by the caller (shuffled or not): the decider stays deterministic. */
      questionOrder: string[];
      now: Date;
    }
  | {
      type: 'SubmitAttempt';
      attemptId: string;
      answers: Answers;
      /** The rule of the version the attempt was started on. */
      lateSubmission: LateSubmissionRule;
      now: Date;
    }
  | { type: 'RecordGrade'; attemptId: string; quiz: AttemptQuizVersion; now: Date }
  | { type: 'ExpireAttempt'; attemptId: string; now: Date };

export const initialState = (): AttemptState => ({ status: 'absent' });

export function evolve(state: AttemptState, event: AttemptEvent): AttemptState {
  switch (event.type) {
    case 'AttemptStarted':
      return { status: 'in-progress', started: event.data };
    case 'AttemptSubmitted':
      return { ...state, status: 'submitted', submitted: event.data };
    case 'AttemptGraded':
      return { ...state, status: 'graded', graded: event.data };
    case 'AttemptExpired':
      return { ...state, status: 'expired', expired: event.data };
  }
}

export function decide(command: AttemptCommand, state: AttemptState): AttemptEvent[] {
  switch (command.type) {
    case 'StartAttempt':
      return start(command, state);
    case 'SubmitAttempt':
      return submit(command, state);
    case 'RecordGrade':
      return recordGrade(command, state);
    case 'ExpireAttempt':
      return expire(command, state);
  }
}

function start(
  command: Extract<AttemptCommand, { type: 'StartAttempt' }>,
  state: AttemptState,
): AttemptEvent[] {
  const { attemptId, attemptNumber, learnerId, quiz, questionOrder, now } = command;
  if (state.status !== 'absent') throw new AttemptAlreadyStartedError(attemptId);
  const deadline = new Date(now.getTime() + quiz.settings.timeLimitSeconds * 1000);
  return [
    {
      type: 'AttemptStarted',
      data: {
        attemptId,
        quizId: quiz.quizId,
        quizVersion: quiz.version,
        courseId: quiz.courseId,
        learnerId,
        attemptNumber,
        questionOrder,
        startedAt: now.toISOString(),
        deadline: deadline.toISOString(),
      },
    },
  ];
}

function submit(
  command: Extract<AttemptCommand, { type: 'SubmitAttempt' }>,
  state: AttemptState,
): AttemptEvent[] {
  const { attemptId, answers, now, lateSubmission } = command;
  const started = startedOf(state, attemptId);
  if (state.status === 'submitted' || state.status === 'graded') {
    // The same sheet again is a client retrying after a lost response: accepted, recorded once.
    if (state.submitted && sameAnswers(state.submitted.answers, answers)) return [];
    throw new AttemptAlreadySubmittedError(attemptId);
  }
  if (state.status === 'expired') throw new AttemptClosedError(attemptId);
  const receivedAt = now.toISOString();
  const deadline = new Date(started.deadline);
  // A sheet that arrives exactly at the deadline is on time.
  const late = now.getTime() > deadline.getTime();
  if (late && lateSubmission === 'refuse') return [expiredEvent(started, now)];
  return [
    {
      type: 'AttemptSubmitted',
      data: {
        attemptId,
        quizId: started.quizId,
        learnerId: started.learnerId,
        answers,
        receivedAt,
        submittedAt: late ? deadline.toISOString() : receivedAt,
        late,
      },
    },
  ];
}

function recordGrade(
  command: Extract<AttemptCommand, { type: 'RecordGrade' }>,
  state: AttemptState,
): AttemptEvent[] {
  const { attemptId, quiz, now } = command;
  const started = startedOf(state, attemptId);
  // Graded already: a redelivery, a second grader, a sweep. One grade per attempt.
  if (state.status === 'graded') return [];
  if (state.status !== 'submitted' || !state.submitted)
    throw new AttemptNotSubmittedError(attemptId, state.status);
  if (quiz.version !== started.quizVersion)
    throw new WrongQuizVersionError(attemptId, started.quizVersion, quiz.version);
  const grade = gradeAttempt(quiz, state.submitted.answers, started.questionOrder);
  return [
    {
      type: 'AttemptGraded',
      data: {
        attemptId,
        quizId: started.quizId,
        quizVersion: started.quizVersion,
        courseId: started.courseId,
        learnerId: started.learnerId,
        scorePoints: grade.scorePoints,
        maxPoints: grade.maxPoints,
        scorePercent: grade.scorePercent,
        passed: grade.passed,
        finishedAt: state.submitted.submittedAt,
        gradedAt: now.toISOString(),
        results: grade.results,
      },
    },
  ];
}

function expire(
  command: Extract<AttemptCommand, { type: 'ExpireAttempt' }>,
  state: AttemptState,
): AttemptEvent[] {
  if (state.status !== 'in-progress' || !state.started) return [];
  if (command.now.getTime() < new Date(state.started.deadline).getTime()) return [];
  return [expiredEvent(state.started, command.now)];
}

function sameAnswers(recorded: Answers, sent: Answers): boolean {
  const canonical = (answers: Answers) =>
    JSON.stringify(
      Object.keys(answers)
        .sort()
        .map((questionId) => [questionId, answers[questionId]]),
    );
  return canonical(recorded) === canonical(sent);
}

function startedOf(state: AttemptState, attemptId: string): AttemptStartedData {
  if (!state.started) throw new AttemptNotFoundError(attemptId);
  return state.started;
}

function expiredEvent(started: AttemptStartedData, now: Date): AttemptEvent {
  return {
    type: 'AttemptExpired',
    data: {
      attemptId: started.attemptId,
      quizId: started.quizId,
      courseId: started.courseId,
      learnerId: started.learnerId,
      deadline: started.deadline,
      closedAt: now.toISOString(),
    },
  };
}

export const attemptDecider = { initialState, evolve, decide };
