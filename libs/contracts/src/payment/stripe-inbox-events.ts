import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';

/**
 * `stripeinbox-<evt id>`: every verified Stripe webhook, recorded before the 2xx and processed
 * afterwards by a checkpointed subscription, so a crash in between loses nothing.
 */
export const stripeInboxCategory = 'stripeinbox';
export const stripeInboxStreamName = (stripeEventId: string): string =>
  `${stripeInboxCategory}-${stripeEventId}`;

export const StripeEventReceived = defineContract(
  'StripeEventReceived',
  1,
  z.object({
    stripeEventId: z.string().min(1),
    stripeType: z.string().min(1),
    /** Seconds since the epoch, as Stripe sends it. */
    created: z.number().int(),
    /** `data.object` of the event: a checkout session or a charge. */
    object: z.record(z.unknown()),
  }),
);

export type StripeEventReceivedData = ContractData<typeof StripeEventReceived>;

/**
 * `paymentintent-<pi id>`: which order a Stripe payment intent paid. `charge.refunded` names only
 * the payment intent, so the refund finds its order here.
 */
export const paymentIntentCategory = 'paymentintent';
export const paymentIntentStreamName = (paymentIntentId: string): string =>
  `${paymentIntentCategory}-${paymentIntentId}`;

export const PaymentIntentLinked = defineContract(
  'PaymentIntentLinked',
  1,
  z.object({ paymentIntentId: z.string().min(1), orderId: z.string().min(1) }),
);

export type PaymentIntentLinkedData = ContractData<typeof PaymentIntentLinked>;
