import { questionSchema, type AttemptEvent } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import {
  attemptDecider,
  type AttemptCommand,
  type AttemptQuizVersion,
  type AttemptState,
} from './attempt.decider';
import {
  AttemptAlreadyStartedError,
  AttemptAlreadySubmittedError,
  AttemptClosedError,
  AttemptNotFoundError,
  AttemptNotSubmittedError,
  WrongQuizVersionError,
} from './attempt-errors';

const spec = deciderSpec<AttemptState, AttemptCommand, AttemptEvent>(attemptDecider);
const attemptId = 'a-1';
const quiz: AttemptQuizVersion = {
  quizId: 'q-1',
  courseId: 'c-1',
  version: 2,
  settings: { timeLimitSeconds: 600, passMarkPercent: 50 },
  questions: [
    questionSchema.parse({ questionId: 'tf', kind: 'true-false', prompt: 'Yes?', points: 1, correct: true }),
    questionSchema.parse({
      questionId: 'n',
      kind: 'numeric',
      prompt: 'Pi?',
      points: 3,
      correct: 3.14,
      tolerance: 0.01,
      explanation: 'About 3.14',
    }),
  ],
};
const t = (time: string) => new Date(`2030-01-01T${time}Z`);
const startedAt = t('10:00:00.000');
const deadline = '2030-01-01T10:10:00.000Z';

const started: AttemptEvent = {
  type: 'AttemptStarted',
  data: {
    attemptId,
    quizId: 'q-1',
    quizVersion: 2,
    courseId: 'c-1',
    learnerId: 'l-1',
    attemptNumber: 1,
    questionOrder: ['n', 'tf'],
    startedAt: startedAt.toISOString(),
    deadline,
  },
};
const answers = { tf: true, n: 3.2 };
const submitted = (at = '10:05:00.000', late = false): AttemptEvent => ({
  type: 'AttemptSubmitted',
  data: {
    attemptId,
    quizId: 'q-1',
    learnerId: 'l-1',
    answers,
    receivedAt: t(at).toISOString(),
    submittedAt: late ? deadline : t(at).toISOString(),
    late,
  },
});
const graded: AttemptEvent = {
  type: 'AttemptGraded',
  data: {
    attemptId,
    quizId: 'q-1',
    quizVersion: 2,
    courseId: 'c-1',
    learnerId: 'l-1',
    scorePoints: 1,
    maxPoints: 4,
    scorePercent: 25,
    passed: false,
    finishedAt: t('10:05:00.000').toISOString(),
    gradedAt: t('10:05:01.000').toISOString(),
    results: [
      { questionId: 'n', outcome: 'incorrect', awardedPoints: 0, maxPoints: 3, explanation: 'About 3.14' },
      { questionId: 'tf', outcome: 'correct', awardedPoints: 1, maxPoints: 1, explanation: '' },
    ],
  },
};
const expired = (closedAt: string): AttemptEvent => ({
  type: 'AttemptExpired',
  data: {
    attemptId,
    quizId: 'q-1',
    courseId: 'c-1',
    learnerId: 'l-1',
    deadline,
    closedAt: t(closedAt).toISOString(),
  },
});

const startCommand: AttemptCommand = {
  type: 'StartAttempt',
  attemptId,
  attemptNumber: 1,
  learnerId: 'l-1',
  quiz,
  questionOrder: ['n', 'tf'],
  now: startedAt,
};
const submit = (
  at: string,
  lateSubmission: 'grade-at-deadline' | 'refuse' = 'grade-at-deadline',
  sheet: Record<string, boolean | number> = answers,
): AttemptCommand => ({
  type: 'SubmitAttempt',
  attemptId,
  answers: sheet,
  lateSubmission,
  now: t(at),
});
const recordGrade = (at = '10:05:01.000', version = quiz): AttemptCommand => ({
  type: 'RecordGrade',
  attemptId,
  quiz: version,
  now: t(at),
});
const expire = (at: string): AttemptCommand => ({ type: 'ExpireAttempt', attemptId, now: t(at) });

describe('attempt decider', () => {
  describe('StartAttempt', () => {
    it('starts on the given version, in the given order, with the deadline after the time limit', () => {
      spec.given([]).when(startCommand).then([started]);
    });
    it('refuses a slot that is taken (the start handler then tries the next number)', () => {
      spec
        .given([started])
        .when(startCommand)
        .thenThrows((error) => error instanceof AttemptAlreadyStartedError);
    });
  });

  describe('SubmitAttempt', () => {
    it('accepts a sheet before the deadline as submitted when received', () => {
      spec.given([started]).when(submit('10:05:00.000')).then([submitted()]);
    });
    it('accepts a sheet exactly at the deadline as on time', () => {
      spec
        .given([started])
        .when(submit('10:10:00.000', 'refuse'))
        .then([submitted('10:10:00.000')]);
    });
    it('grades a late sheet as submitted at the deadline under grade-at-deadline', () => {
      spec
        .given([started])
        .when(submit('10:12:00.000'))
        .then([submitted('10:12:00.000', true)]);
    });
    it('closes the attempt as expired for a late sheet under refuse', () => {
      spec
        .given([started])
        .when(submit('10:10:00.001', 'refuse'))
        .then([expired('10:10:00.001')]);
    });
    it('refuses a second, different sheet, before and after grading', () => {
      for (const history of [
        [started, submitted()],
        [started, submitted(), graded],
      ])
        spec
          .given(history)
          .when(submit('10:06:00.000', 'grade-at-deadline', { tf: false, n: 3.2 }))
          .thenThrows((error) => error instanceof AttemptAlreadySubmittedError);
    });
    it('takes the same sheet again (a retry) without recording anything, before and after grading', () => {
      for (const history of [
        [started, submitted()],
        [started, submitted(), graded],
      ])
        spec
          .given(history)
          .when(submit('10:06:00.000', 'grade-at-deadline', { n: 3.2, tf: true }))
          .then([]);
    });
    it('refuses a sheet that leaves out an answer the first one gave', () => {
      spec
        .given([started, submitted()])
        .when(submit('10:06:00.000', 'grade-at-deadline', { tf: true }))
        .thenThrows((error) => error instanceof AttemptAlreadySubmittedError);
    });
    it('refuses a submit after the attempt expired', () => {
      spec
        .given([started, expired('10:10:00.000')])
        .when(submit('10:10:30.000'))
        .thenThrows((error) => error instanceof AttemptClosedError);
    });
    it('refuses a submit to an attempt that does not exist', () => {
      spec
        .given([])
        .when(submit('10:00:00.000'))
        .thenThrows((error) => error instanceof AttemptNotFoundError);
    });
  });

  describe('RecordGrade', () => {
    it('grades the sheet in the order the learner saw, finished when submitted', () => {
      spec.given([started, submitted()]).when(recordGrade()).then([graded]);
    });
    it('takes the deadline as the finish time of a late sheet', () => {
      const [event] = attemptDecider.decide(
        recordGrade('10:12:01.000'),
        [started, submitted('10:12:00.000', true)].reduce(
          attemptDecider.evolve,
          attemptDecider.initialState(),
        ),
      );
      expect(event).toMatchObject({ type: 'AttemptGraded', data: { finishedAt: deadline } });
    });
    it('records nothing when graded already (duplicates, redeliveries, a second grader)', () => {
      spec.given([started, submitted(), graded]).when(recordGrade('10:07:00.000')).then([]);
    });
    it('refuses to grade an attempt without a sheet', () => {
      for (const history of [[started], [started, expired('10:10:00.000')]])
        spec
          .given(history)
          .when(recordGrade())
          .thenThrows((error) => error instanceof AttemptNotSubmittedError);
      spec
        .given([])
        .when(recordGrade())
        .thenThrows((error) => error instanceof AttemptNotFoundError);
    });
    it('refuses another version than the one started on', () => {
      spec
        .given([started, submitted()])
        .when(recordGrade(undefined, { ...quiz, version: 3 }))
        .thenThrows((error) => error instanceof WrongQuizVersionError);
    });
  });

  describe('ExpireAttempt', () => {
    it('closes an abandoned attempt at or after its deadline', () => {
      spec
        .given([started])
        .when(expire('10:10:00.000'))
        .then([expired('10:10:00.000')]);
      spec
        .given([started])
        .when(expire('11:00:00.000'))
        .then([expired('11:00:00.000')]);
    });
    it('leaves an attempt alone before its deadline', () => {
      spec.given([started]).when(expire('10:09:59.999')).then([]);
    });
    it('leaves a submitted, graded or expired attempt alone', () => {
      for (const history of [
        [started, submitted()],
        [started, submitted(), graded],
        [started, expired('10:10:00.000')],
        [],
      ])
        spec.given(history).when(expire('11:00:00.000')).then([]);
    });
  });
});
