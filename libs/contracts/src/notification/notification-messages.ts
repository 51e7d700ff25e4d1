import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';
import { currencySchema } from '../course/course-events';

/*
 * Messages on the `notifications` topic (`notificationsTopic`, declared with the user messages that
 * first used it), consumed by the notification app. Each carries the recipient's email itself: the
 * publisher knows it when the fact happens, and the notification app would otherwise have to call the
 * user app for every email and fail when it is down. The message id must be stable per fact (derive it
 * from the event id): the notification app sends one email per message id.
 */

const email = z.string().email();
const orderId = z.string().min(1);
/** An absolute URL, or a path the notification app prefixes with APP_PUBLIC_URL. */
const link = z.string().regex(/^(https?:\/\/\S+|\/\S*)$/, 'an http(s) URL or a path starting with /');

export const BookingConfirmedEmailRequested = defineContract(
  'BookingConfirmedEmailRequested',
  1,
  z.object({
    orderId,
    learnerId: z.string().min(1),
    email,
    courses: z.array(z.object({ courseId: z.string().min(1), title: z.string().min(1) })).min(1),
  }),
);

export const PaymentFailedEmailRequested = defineContract(
  'PaymentFailedEmailRequested',
  1,
  z.object({ orderId, email, retryUrl: link, cancelUrl: link }),
);

export const RefundIssuedEmailRequested = defineContract(
  'RefundIssuedEmailRequested',
  1,
  z.object({ orderId, email, amountCents: z.number().int().min(0), currency: currencySchema }),
);

export const QuizScoreDigestRequested = defineContract(
  'QuizScoreDigestRequested',
  1,
  z.object({
    learnerId: z.string().min(1),
    email,
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
export type PaymentFailedEmailRequestedData = ContractData<typeof PaymentFailedEmailRequested>;
export type RefundIssuedEmailRequestedData = ContractData<typeof RefundIssuedEmailRequested>;
export type QuizScoreDigestRequestedData = ContractData<typeof QuizScoreDigestRequested>;
