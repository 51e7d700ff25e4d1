import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';
import { currencySchema } from '../course/course-events';

/*
 * On the `notifications` topic (notificationsTopic in ../user): the notification app emails the
 * learner. Message ids derive from the payment event's id, so a republish is a duplicate to drop.
 * `email` is absent when the learner's token had none; the consumer then resolves `learnerId`.
 */

export const PaymentFailedEmailRequested = defineContract(
  'PaymentFailedEmailRequested',
  1,
  z.object({
    orderId: z.string().min(1),
    learnerId: z.string().min(1),
    email: z.string().email().optional(),
    reason: z.string().min(1),
  }),
);

export const RefundIssuedEmailRequested = defineContract(
  'RefundIssuedEmailRequested',
  1,
  z.object({
    orderId: z.string().min(1),
    learnerId: z.string().min(1),
    email: z.string().email().optional(),
    amountCents: z.number().int().min(0),
    currency: currencySchema,
  }),
);

export type PaymentFailedEmailRequestedData = ContractData<typeof PaymentFailedEmailRequested>;
export type RefundIssuedEmailRequestedData = ContractData<typeof RefundIssuedEmailRequested>;
