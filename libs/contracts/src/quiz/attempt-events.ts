import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';
import { answersSchema, questionIdSchema } from './question';

/**
 * `attempt-<id>` streams: one learner's try at one published quiz version. Started, then either
 * submitted (and graded by the grader from the bus) or expired at its deadline.
 */
export const attemptStreamCategory = 'attempt';
export const attemptStreamName = (attemptId: string): string => `${attemptStreamCategory}-${attemptId}`;

const attemptId = z.string().min(1);
const instant = z.string().datetime({ offset: true });

export const AttemptStarted = defineContract(
  'AttemptStarted',
  1,
  z.object({
    attemptId,
    quizId: z.string().min(1),
    quizVersion: z.number().int().min(1),
    courseId: z.string().min(1),
    learnerId: z.string().min(1),
    /** 1 for the learner's first attempt at this quiz. */
    attemptNumber: z.number().int().min(1),
    /** The order the learner sees the questions in (shuffled when the quiz says so). */
    questionOrder: z.array(questionIdSchema).min(1),
    startedAt: instant,
    deadline: instant,
  }),
);

export const AttemptSubmitted = defineContract(
  'AttemptSubmitted',
  1,
  z.object({
    attemptId,
    quizId: z.string().min(1),
    learnerId: z.string().min(1),
    answers: answersSchema,
    /** When the answers arrived. */
    receivedAt: instant,
    /** What grading and rankings use: receivedAt, or the deadline for a late sheet graded at the deadline. */
    submittedAt: instant,
    late: z.boolean(),
  }),
);

export const questionOutcomes = ['correct', 'partial', 'incorrect', 'unanswered'] as const;

export const questionResultSchema = z.object({
  questionId: questionIdSchema,
  outcome: z.enum(questionOutcomes),
  awardedPoints: z.number().min(0),
  maxPoints: z.number().positive(),
  explanation: z.string(),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const AttemptGraded = defineContract(
  'AttemptGraded',
  1,
  z.object({
    attemptId,
    quizId: z.string().min(1),
    quizVersion: z.number().int().min(1),
    courseId: z.string().min(1),
    learnerId: z.string().min(1),
    scorePoints: z.number().min(0),
    maxPoints: z.number().positive(),
    /** Rounded to two decimals. */
    scorePercent: z.number().min(0).max(100),
    passed: z.boolean(),
    /** The submission's submittedAt: rankings break ties by it. */
    finishedAt: instant,
    gradedAt: instant,
    results: z.array(questionResultSchema).min(1),
  }),
);

/** Closed at the deadline without an accepted submission (abandoned, or a late sheet refused). */
export const AttemptExpired = defineContract(
  'AttemptExpired',
  1,
  z.object({
    attemptId,
    quizId: z.string().min(1),
    courseId: z.string().min(1),
    learnerId: z.string().min(1),
    deadline: instant,
    closedAt: instant,
  }),
);

export type AttemptStartedData = ContractData<typeof AttemptStarted>;
export type AttemptSubmittedData = ContractData<typeof AttemptSubmitted>;
export type AttemptGradedData = ContractData<typeof AttemptGraded>;
export type AttemptExpiredData = ContractData<typeof AttemptExpired>;

export const attemptEventContracts = {
  AttemptStarted,
  AttemptSubmitted,
  AttemptGraded,
  AttemptExpired,
} as const;

export type AttemptEvent = EventOf<typeof attemptEventContracts>;

export const parseAttemptEvent = eventParser(attemptEventContracts);
