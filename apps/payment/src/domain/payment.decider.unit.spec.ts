import type { PaymentEvent } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import { CheckoutAlreadyOpenError, PaymentNotOpenableError } from './payment-errors';
import { paymentDecider, type PaymentCommand, type StripeFact } from './payment.decider';

const spec = deciderSpec(paymentDecider);
const now = new Date('2030-01-01T10:00:00.000Z');
const session = {
  orderId: 'o1',
  sessionId: 'cs_1',
  url: 'https://checkout.example/cs_1',
  expiresAt: '2030-01-01T10:30:00.000Z',
  amountCents: 4900,
  currency: 'EUR',
  learnerId: 'u1',
};
const opened: PaymentEvent = { type: 'CheckoutSessionOpened', data: session };
const open = (overrides: Partial<typeof session> = {}, at = now): PaymentCommand => ({
  type: 'OpenCheckoutSession',
  session: { ...session, ...overrides },
  now: at,
});
const stripe = (stripeEventId: string, fact: StripeFact): PaymentCommand => ({
  type: 'ApplyStripeEvent',
  orderId: 'o1',
  stripeEventId,
  stripeType: fact.kind,
  fact,
  amountCents: 4900,
  currency: 'EUR',
});
const completed = (id: string, paid = true) =>
  stripe(id, { kind: 'session-completed', sessionId: 'cs_1', paid, paymentIntentId: 'pi_1' });
const received = (id: string): PaymentEvent => ({
  type: 'PaymentReceived',
  data: {
    orderId: 'o1',
    sessionId: 'cs_1',
    amountCents: 4900,
    currency: 'EUR',
    stripeEventId: id,
    paymentIntentId: 'pi_1',
  },
});
const ignored = (id: string, stripeType: string, reason: string): PaymentEvent => ({
  type: 'StripeEventIgnored',
  data: { orderId: 'o1', stripeEventId: id, stripeType, reason },
});
const refunded = (id: string, amountCents = 4900): PaymentEvent => ({
  type: 'PaymentRefunded',
  data: { orderId: 'o1', amountCents, currency: 'EUR', stripeEventId: id },
});

describe('payment decider', () => {
  describe('opening a checkout session', () => {
    it('opens the first session of an order', () => {
      spec.given([]).when(open()).then([opened]);
    });

    it('refuses a second session while one is open, naming the open one', () => {
      spec
        .given([opened])
        .when(open({ sessionId: 'cs_2' }))
        .thenThrows((error) => error instanceof CheckoutAlreadyOpenError && error.sessionId === 'cs_1');
    });

    it('opens a new session once the last one expired or its time is up', () => {
      const expired: PaymentEvent = {
        type: 'CheckoutExpired',
        data: { orderId: 'o1', sessionId: 'cs_1', stripeEventId: 'evt_x' },
      };
      spec
        .given([opened, expired])
        .when(open({ sessionId: 'cs_2' }))
        .then([{ type: 'CheckoutSessionOpened', data: { ...session, sessionId: 'cs_2' } }]);
      spec
        .given([opened])
        .when(open({ sessionId: 'cs_2' }, new Date('2030-01-01T11:00:00.000Z')))
        .then([{ type: 'CheckoutSessionOpened', data: { ...session, sessionId: 'cs_2' } }]);
    });

    it('refuses a session for an order paid or being paid', () => {
      spec
        .given([opened, received('evt_1')])
        .when(open({ sessionId: 'cs_2' }))
        .thenThrows((error) => error instanceof PaymentNotOpenableError && error.status === 'paid');
    });
  });

  describe('Stripe events', () => {
    it('records a paid completion as PaymentReceived with the payment intent', () => {
      spec
        .given([opened])
        .when(completed('evt_1'))
        .then([received('evt_1')]);
    });

    it('records an unpaid completion as pending, then the async outcome', () => {
      const pending: PaymentEvent = {
        type: 'PaymentPending',
        data: { orderId: 'o1', sessionId: 'cs_1', stripeEventId: 'evt_1', paymentIntentId: 'pi_1' },
      };
      spec.given([opened]).when(completed('evt_1', false)).then([pending]);
      spec
        .given([opened, pending])
        .when(
          stripe('evt_2', { kind: 'async-payment-succeeded', sessionId: 'cs_1', paymentIntentId: 'pi_1' }),
        )
        .then([received('evt_2')]);
      spec
        .given([opened, pending])
        .when(stripe('evt_2', { kind: 'async-payment-failed', sessionId: 'cs_1', reason: 'declined' }))
        .then([
          {
            type: 'PaymentFailed',
            data: { orderId: 'o1', sessionId: 'cs_1', stripeEventId: 'evt_2', reason: 'declined' },
          },
        ]);
    });

    it('expires the open session', () => {
      spec
        .given([opened])
        .when(stripe('evt_1', { kind: 'session-expired', sessionId: 'cs_1' }))
        .then([
          { type: 'CheckoutExpired', data: { orderId: 'o1', sessionId: 'cs_1', stripeEventId: 'evt_1' } },
        ]);
    });

    it('decides nothing for an event id it has recorded already', () => {
      spec
        .given([opened, received('evt_1')])
        .when(completed('evt_1'))
        .then([]);
      spec
        .given([opened, ignored('evt_9', 'x', 'late')])
        .when(completed('evt_9'))
        .then([]);
    });

    it('never lets an expiry undo a payment that came first', () => {
      spec
        .given([opened, received('evt_1')])
        .when(stripe('evt_2', { kind: 'session-expired', sessionId: 'cs_1' }))
        .then([ignored('evt_2', 'session-expired', 'session cs_1 is not the open one (payment paid)')]);
    });

    it('ends paid when the async success arrives before the completion', () => {
      spec
        .given([opened])
        .when(
          stripe('evt_2', { kind: 'async-payment-succeeded', sessionId: 'cs_1', paymentIntentId: 'pi_1' }),
        )
        .then([received('evt_2')]);
      spec
        .given([opened, received('evt_2')])
        .when(completed('evt_1', false))
        .then([ignored('evt_1', 'session-completed', 'payment already paid')]);
    });

    it('refunds a paid order once per refunded amount, and a late completion does not re-pay it', () => {
      const refund = (id: string, total: number) =>
        stripe(id, { kind: 'charge-refunded', amountRefundedCents: total, currency: 'EUR' });
      spec
        .given([opened, received('evt_1')])
        .when(refund('evt_2', 4900))
        .then([refunded('evt_2')]);
      spec
        .given([opened, received('evt_1'), refunded('evt_2')])
        .when(completed('evt_1'))
        .then([]);
      spec
        .given([opened, received('evt_1'), refunded('evt_2')])
        .when(completed('evt_3'))
        .then([ignored('evt_3', 'session-completed', 'payment already refunded')]);
      spec
        .given([opened, received('evt_1'), refunded('evt_2', 1000)])
        .when(refund('evt_3', 4900))
        .then([refunded('evt_3', 3900)]);
      spec
        .given([opened])
        .when(refund('evt_2', 4900))
        .then([ignored('evt_2', 'charge-refunded', 'nothing paid to refund (payment open)')]);
    });
  });
});
