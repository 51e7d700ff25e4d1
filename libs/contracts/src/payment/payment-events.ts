import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';
import { currencySchema } from '../course/course-events';

/**
 * `payment-<orderId>` streams: one order's checkout sessions and what Stripe said about them.
 * Events caused by a Stripe event carry its id and are appended under an id derived from it, so each
 * Stripe event takes effect once however often it is delivered.
 */
export const paymentStreamCategory = 'payment';
export const paymentStreamName = (orderId: string): string => `${paymentStreamCategory}-${orderId}`;

const orderId = z.string().min(1);
const sessionId = z.string().min(1);
const stripeEventId = z.string().min(1);
const amountCents = z.number().int().min(0);
const timestamp = z.string().datetime({ offset: true });

export const CheckoutSessionOpened = defineContract(
  'CheckoutSessionOpened',
  1,
  z.object({
    orderId,
    sessionId,
    url: z.string().url(),
    expiresAt: timestamp,
    amountCents,
    currency: currencySchema,
    learnerId: z.string().min(1),
    /** From the learner's token when it has one: the payment emails go there. */
    learnerEmail: z.string().email().optional(),
  }),
);

/** The session completed with `payment_status: unpaid`: a delayed method (SEPA, ...) is still settling. */
export const PaymentPending = defineContract(
  'PaymentPending',
  1,
  z.object({ orderId, sessionId, stripeEventId, paymentIntentId: z.string().min(1).optional() }),
);

export const PaymentReceived = defineContract(
  'PaymentReceived',
  1,
  z.object({
    orderId,
    sessionId,
    amountCents,
    currency: currencySchema,
    stripeEventId,
    /** What `charge.refunded` names: kept so a refund finds its order. */
    paymentIntentId: z.string().min(1).optional(),
  }),
);

export const PaymentFailed = defineContract(
  'PaymentFailed',
  1,
  z.object({ orderId, sessionId, stripeEventId, reason: z.string().min(1) }),
);

export const PaymentRefunded = defineContract(
  'PaymentRefunded',
  1,
  z.object({ orderId, amountCents, currency: currencySchema, stripeEventId }),
);

export const CheckoutExpired = defineContract(
  'CheckoutExpired',
  1,
  z.object({ orderId, sessionId, stripeEventId }),
);

/** A verified Stripe event that changed nothing (late, superseded): recorded so it is seen once. */
export const StripeEventIgnored = defineContract(
  'StripeEventIgnored',
  1,
  z.object({ orderId, stripeEventId, stripeType: z.string().min(1), reason: z.string().min(1) }),
);

export type CheckoutSessionOpenedData = ContractData<typeof CheckoutSessionOpened>;
export type PaymentPendingData = ContractData<typeof PaymentPending>;
export type PaymentReceivedData = ContractData<typeof PaymentReceived>;
export type PaymentFailedData = ContractData<typeof PaymentFailed>;
export type PaymentRefundedData = ContractData<typeof PaymentRefunded>;
export type CheckoutExpiredData = ContractData<typeof CheckoutExpired>;
export type StripeEventIgnoredData = ContractData<typeof StripeEventIgnored>;

export type PaymentEvent = EventOf<typeof paymentEventContracts>;

export const paymentEventContracts = {
  CheckoutSessionOpened,
  PaymentPending,
  PaymentReceived,
  PaymentFailed,
  PaymentRefunded,
  CheckoutExpired,
  StripeEventIgnored,
} as const;

/** Validates a stored event against its contract; undefined for a type this service does not know. */
export const parsePaymentEvent = eventParser(paymentEventContracts);
