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

export const QuizScoreDigestRequested = defineContract(
  'QuizScoreDigestRequested',
  1,
  z.object({
    learnerId: z.string().min(1),
    email: email.optional(),
    /** What the digest covers, e.g. "week 47"; free text shown in the subject. */
    period: z.string().min(1),
    scores: z
      .array(
        z.object({
          quizId: z.string().min(1),
          title: z.string().min(1),
          scorePercent: z.number().min(0).max(100),
        }),
      )
      .min(1),
  }),
);

export type BookingConfirmedEmailRequestedData = ContractData<typeof BookingConfirmedEmailRequested>;
export type QuizScoreDigestRequestedData = ContractData<typeof QuizScoreDigestRequested>;
