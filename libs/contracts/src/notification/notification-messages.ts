import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';

/*
 * Messages on the `notifications` topic (`notificationsTopic`, declared with the user messages that
 * first used it), consumed by the notification app; the payment emails (PaymentFailedEmailRequested,
 * RefundIssuedEmailRequested) live with the payment contracts. The message id must be stable per fact
 * (derive it from the event id): the notification app sends one email per message id.
 * A message names the recipient by `email`, or only by the user id when the publisher has no email:
 * the notification app then uses the email it learnt from that user's WelcomeEmailRequested.
 */

const email = z.string().email();

export const BookingConfirmedEmailRequested = defineContract(
  'BookingConfirmedEmailRequested',
  1,
  z.object({
    orderId: z.string().min(1),
    learnerId: z.string().min(1),
    email: email.optional(),
    courses: z.array(z.object({ courseId: z.string().min(1), title: z.string().min(1) })).min(1),
  }),
);

/**
 * To a quiz's instructor: the attempts graded in one period (quiz-result sends at most one per quiz
 * per hour, id `quiz-digest-<quizId>-<hour>`, so a resend is a duplicate the notification app drops).
 */
export const QuizScoreDigestRequested = defineContract(
  'QuizScoreDigestRequested',
  2,
  z.object({
    instructorId: z.string().min(1),
    email: email.optional(),
    quizId: z.string().min(1),
    quizTitle: z.string().min(1),
    courseId: z.string().min(1),
    /** What the digest covers, e.g. "2026-11-22 14:00-15:00 UTC"; shown in the subject. */
    period: z.string().min(1),
    attempts: z
      .array(
        z.object({
          learnerId: z.string().min(1),
          learnerName: z.string().min(1),
          scorePercent: z.number().min(0).max(100),
          passed: z.boolean(),
          finishedAt: z.string().datetime({ offset: true }),
        }),
      )
      .min(1),
    averagePercent: z.number().min(0).max(100),
    passedCount: z.number().int().min(0),
  }),
);

export type BookingConfirmedEmailRequestedData = ContractData<typeof BookingConfirmedEmailRequested>;
export type QuizScoreDigestRequestedData = ContractData<typeof QuizScoreDigestRequested>;
