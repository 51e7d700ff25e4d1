import type { CheckoutSessionOpenedData, PaymentEvent } from '@quizbook/contracts';
import { CheckoutAlreadyOpenError, PaymentNotOpenableError } from './payment-errors';

export type PaymentStatus = 'none' | 'open' | 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';

export interface PaymentState {
  status: PaymentStatus;
  session?: CheckoutSessionOpenedData;
  paymentIntentId?: string;
  refundedCents: number;
  /** Stripe event ids already recorded: a redelivery decides nothing. */
  seenStripeEvents: ReadonlySet<string>;
}

/** What a Stripe event says about this order, already read from its payload. */
export type StripeFact =
  | { kind: 'session-completed'; sessionId: string; paid: boolean; paymentIntentId?: string }
  | { kind: 'async-payment-succeeded'; sessionId: string; paymentIntentId?: string }
  | { kind: 'async-payment-failed'; sessionId: string; reason: string }
  | { kind: 'session-expired'; sessionId: string }
  /** `amountRefundedCents` is the charge's running total, as Stripe reports it. */
  | { kind: 'charge-refunded'; amountRefundedCents: number; currency: string };

export type PaymentCommand =
  | { type: 'OpenCheckoutSession'; session: CheckoutSessionOpenedData; now: Date }
  | {
      type: 'ApplyStripeEvent';
      orderId: string;
      stripeEventId: string;
      stripeType: string;
      fact: StripeFact;
      amountCents: number;
      currency: string;
    };

export const initialPaymentState = (): PaymentState => ({
  status: 'none',
  refundedCents: 0,
  seenStripeEvents: new Set(),
});

function seen(state: PaymentState, event: PaymentEvent): ReadonlySet<string> {
  if (!('stripeEventId' in event.data)) return state.seenStripeEvents;
  return new Set([...state.seenStripeEvents, event.data.stripeEventId]);
}

export function evolvePayment(state: PaymentState, event: PaymentEvent): PaymentState {
  const next = { ...state, seenStripeEvents: seen(state, event) };
  switch (event.type) {
    case 'CheckoutSessionOpened':
      return { ...next, status: 'open', session: event.data };
    case 'PaymentPending':
      return {
        ...next,
        status: 'pending',
        paymentIntentId: event.data.paymentIntentId ?? state.paymentIntentId,
      };
    case 'PaymentReceived':
      return {
        ...next,
        status: 'paid',
        paymentIntentId: event.data.paymentIntentId ?? state.paymentIntentId,
      };
    case 'PaymentFailed':
      return { ...next, status: 'failed' };
    case 'CheckoutExpired':
      return { ...next, status: 'expired' };
    case 'PaymentRefunded':
      return { ...next, status: 'refunded', refundedCents: state.refundedCents + event.data.amountCents };
    case 'StripeEventIgnored':
      return next;
  }
}

const settled = (status: PaymentStatus) => status === 'paid' || status === 'refunded';

function decideOpen(command: Extract<PaymentCommand, { type: 'OpenCheckoutSession' }>, state: PaymentState) {
  const open = state.status === 'open' && state.session && new Date(state.session.expiresAt) > command.now;
  if (open) throw new CheckoutAlreadyOpenError(state.session!.sessionId);
  if (state.status === 'pending' || settled(state.status)) throw new PaymentNotOpenableError(state.status);
  return [{ type: 'CheckoutSessionOpened' as const, data: command.session }];
}

/**
 * Stripe delivers at least once and in any order, so each fact moves the state only forwards:
 * nothing undoes a payment but a refund, and an expiry only closes the session it names.
 */
function decideStripe(
  command: Extract<PaymentCommand, { type: 'ApplyStripeEvent' }>,
  state: PaymentState,
): PaymentEvent[] {
  const { orderId, stripeEventId, fact } = command;
  if (state.seenStripeEvents.has(stripeEventId)) return [];
  const ignored = (reason: string): PaymentEvent[] => [
    { type: 'StripeEventIgnored', data: { orderId, stripeEventId, stripeType: command.stripeType, reason } },
  ];
  switch (fact.kind) {
    case 'session-completed':
      if (settled(state.status) || state.status === 'failed')
        return ignored(`payment already ${state.status}`);
      if (!fact.paid) {
        if (state.status === 'pending') return ignored('payment already pending');
        return [
          {
            type: 'PaymentPending',
            data: {
              orderId,
              sessionId: fact.sessionId,
              stripeEventId,
              ...(fact.paymentIntentId ? { paymentIntentId: fact.paymentIntentId } : {}),
            },
          },
        ];
      }
      return [received(command, fact.sessionId, fact.paymentIntentId)];
    case 'async-payment-succeeded':
      if (settled(state.status)) return ignored(`payment already ${state.status}`);
      return [received(command, fact.sessionId, fact.paymentIntentId)];
    case 'async-payment-failed':
      if (settled(state.status) || state.status === 'failed')
        return ignored(`payment already ${state.status}`);
      return [
        {
          type: 'PaymentFailed',
          data: { orderId, sessionId: fact.sessionId, stripeEventId, reason: fact.reason },
        },
      ];
    case 'session-expired':
      if (state.status !== 'open' || state.session?.sessionId !== fact.sessionId)
        return ignored(`session ${fact.sessionId} is not the open one (payment ${state.status})`);
      return [{ type: 'CheckoutExpired', data: { orderId, sessionId: fact.sessionId, stripeEventId } }];
    case 'charge-refunded': {
      if (!settled(state.status)) return ignored(`nothing paid to refund (payment ${state.status})`);
      const amountCents = fact.amountRefundedCents - state.refundedCents;
      if (amountCents <= 0) return ignored('refund already recorded');
      return [
        { type: 'PaymentRefunded', data: { orderId, amountCents, currency: fact.currency, stripeEventId } },
      ];
    }
  }
}

function received(
  command: Extract<PaymentCommand, { type: 'ApplyStripeEvent' }>,
  sessionId: string,
  paymentIntentId: string | undefined,
): PaymentEvent {
  return {
    type: 'PaymentReceived',
    data: {
      orderId: command.orderId,
      sessionId,
      amountCents: command.amountCents,
      currency: command.currency,
      stripeEventId: command.stripeEventId,
      ...(paymentIntentId ? { paymentIntentId } : {}),
    },
  };
}

export function decidePayment(command: PaymentCommand, state: PaymentState): PaymentEvent[] {
  return command.type === 'OpenCheckoutSession' ? decideOpen(command, state) : decideStripe(command, state);
}

export const paymentDecider = {
  initialState: initialPaymentState,
  evolve: evolvePayment,
  decide: decidePayment,
};
