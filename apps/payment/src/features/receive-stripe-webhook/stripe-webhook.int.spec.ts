import { paymentStreamName, stripeInboxStreamName } from '@quizbook/contracts';
import type { TestApps } from '@quizbook/testing';
import { StripeApiDouble } from '../../testing/stripe-api-double';
import {
  callApi,
  eventually,
  paymentEventsOf,
  paymentTypesOf,
  seedOrder,
  sendWebhook,
  sessionObject,
  startPaymentApp,
  stripeEnv,
  stripeEvent,
  TestIssuer,
  withStore,
} from '../../testing/payment-test-kit';

describe('POST /webhooks/stripe', () => {
  const issuer = new TestIssuer();
  const stripe = new StripeApiDouble();
  let apps: TestApps;
  let orders = 0;

  /** A fresh order with an open session; answers its ids. */
  async function openOrder() {
    const orderId = `order-${++orders}`;
    await seedOrder(apps, orderId, 'learner-1');
    const opened = await callApi<{ sessionId: string }>(
      apps.url,
      'POST',
      `/orders/${orderId}/checkout`,
      issuer.tokenFor('learner-1'),
    );
    expect(opened.status).toBe(200);
    return { orderId, sessionId: opened.body.sessionId };
  }

  const deliver = async (event: ReturnType<typeof stripeEvent>) => {
    const answer = await sendWebhook(apps.url, event);
    expect(answer.status).toBe(200);
    return answer;
  };

  /** Waits until the inbox processor has applied `event` (it records one effect per Stripe event). */
  const applied = (orderId: string, stripeEventId: string) =>
    eventually(
      () => paymentEventsOf(apps, orderId),
      (events) => events.some((e) => (e.data as { stripeEventId?: string }).stripeEventId === stripeEventId),
      `${stripeEventId} applied to ${orderId}`,
    );

  const completed = (
    orderId: string,
    sessionId: string,
    overrides: Record<string, unknown> = {},
    id?: string,
  ) => stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId, overrides), id);

  beforeAll(async () => {
    const jwksUrl = await issuer.start();
    apps = await startPaymentApp(jwksUrl, { env: stripeEnv(await stripe.start()) });
  });
  afterAll(async () => {
    await apps?.close();
    await stripe.close();
    await issuer.close();
  });

  it('records a paid checkout.session.completed as PaymentReceived with amount, currency and payment intent', async () => {
    const { orderId, sessionId } = await openOrder();
    const event = completed(orderId, sessionId);
    expect((await deliver(event)).body).toEqual({ received: true, duplicate: false });
    const events = await applied(orderId, event.id);
    expect(events.map((e) => e.type)).toEqual(['CheckoutSessionOpened', 'PaymentReceived']);
    expect(events[1]!.data).toEqual({
      orderId,
      sessionId,
      amountCents: 7400,
      currency: 'EUR',
      stripeEventId: event.id,
      paymentIntentId: `pi_${sessionId}`,
    });
  });

  it('records an unpaid completion as PaymentPending, then async_payment_succeeded as PaymentReceived', async () => {
    const { orderId, sessionId } = await openOrder();
    const first = completed(orderId, sessionId, { payment_status: 'unpaid' });
    await deliver(first);
    await applied(orderId, first.id);
    const succeeded = stripeEvent(
      'checkout.session.async_payment_succeeded',
      sessionObject(orderId, sessionId),
    );
    await deliver(succeeded);
    await applied(orderId, succeeded.id);
    expect(await paymentTypesOf(apps, orderId)).toEqual([
      'CheckoutSessionOpened',
      'PaymentPending',
      'PaymentReceived',
    ]);
  });

  it('records async_payment_failed as PaymentFailed', async () => {
    const { orderId, sessionId } = await openOrder();
    await deliver(completed(orderId, sessionId, { payment_status: 'unpaid' }));
    const failed = stripeEvent(
      'checkout.session.async_payment_failed',
      sessionObject(orderId, sessionId, { payment_status: 'unpaid' }),
    );
    await deliver(failed);
    await applied(orderId, failed.id);
    expect(await paymentTypesOf(apps, orderId)).toEqual([
      'CheckoutSessionOpened',
      'PaymentPending',
      'PaymentFailed',
    ]);
  });

  it('records checkout.session.expired as CheckoutExpired, after which a new checkout opens a new session', async () => {
    const { orderId, sessionId } = await openOrder();
    const expired = stripeEvent(
      'checkout.session.expired',
      sessionObject(orderId, sessionId, {
        status: 'expired',
        payment_status: 'unpaid',
        payment_intent: null,
      }),
    );
    await deliver(expired);
    await applied(orderId, expired.id);
    expect(await paymentTypesOf(apps, orderId)).toEqual(['CheckoutSessionOpened', 'CheckoutExpired']);
    const again = await callApi<{ sessionId: string }>(
      apps.url,
      'POST',
      `/orders/${orderId}/checkout`,
      issuer.tokenFor('learner-1'),
    );
    expect(again.body.sessionId).not.toBe(sessionId);
  });

  it('records charge.refunded as PaymentRefunded, finding the order through the payment intent', async () => {
    const { orderId, sessionId } = await openOrder();
    const paid = completed(orderId, sessionId);
    await deliver(paid);
    await applied(orderId, paid.id);
    const refund = stripeEvent('charge.refunded', {
      id: `ch_${sessionId}`,
      object: 'charge',
      payment_intent: `pi_${sessionId}`,
      amount: 7400,
      amount_refunded: 7400,
      currency: 'eur',
      refunded: true,
      metadata: {},
    });
    await deliver(refund);
    const events = await applied(orderId, refund.id);
    expect(events.map((e) => e.type)).toEqual([
      'CheckoutSessionOpened',
      'PaymentReceived',
      'PaymentRefunded',
    ]);
    expect(events[2]!.data).toMatchObject({ amountCents: 7400, currency: 'EUR' });
  });

  it('applies the same event delivered twice (or concurrently) once', async () => {
    const { orderId, sessionId } = await openOrder();
    const event = completed(orderId, sessionId);
    const answers = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await applied(orderId, event.id);
    // A later event on the stream shows the processor went past the duplicates.
    const marker = stripeEvent(
      'checkout.session.expired',
      sessionObject(orderId, sessionId, { status: 'expired' }),
    );
    await deliver(marker);
    await applied(orderId, marker.id);
    expect(await paymentTypesOf(apps, orderId)).toEqual([
      'CheckoutSessionOpened',
      'PaymentReceived',
      'StripeEventIgnored',
    ]);
  });

  describe('out of order', () => {
    it('keeps an order paid when the session expiry arrives after the completion', async () => {
      const { orderId, sessionId } = await openOrder();
      await deliver(completed(orderId, sessionId));
      const expired = stripeEvent(
        'checkout.session.expired',
        sessionObject(orderId, sessionId, { status: 'expired' }),
      );
      await deliver(expired);
      const events = await applied(orderId, expired.id);
      expect(events.map((e) => e.type)).toEqual([
        'CheckoutSessionOpened',
        'PaymentReceived',
        'StripeEventIgnored',
      ]);
    });

    it('ends paid when async_payment_succeeded arrives before checkout.session.completed', async () => {
      const { orderId, sessionId } = await openOrder();
      await deliver(
        stripeEvent('checkout.session.async_payment_succeeded', sessionObject(orderId, sessionId)),
      );
      const late = completed(orderId, sessionId, { payment_status: 'unpaid' });
      await deliver(late);
      const events = await applied(orderId, late.id);
      expect(events.map((e) => e.type)).toEqual([
        'CheckoutSessionOpened',
        'PaymentReceived',
        'StripeEventIgnored',
      ]);
    });

    it('stays refunded when the completion is delivered again after the refund', async () => {
      const { orderId, sessionId } = await openOrder();
      const paid = completed(orderId, sessionId);
      await deliver(paid);
      await applied(orderId, paid.id);
      const refund = stripeEvent('charge.refunded', {
        id: 'ch_x',
        object: 'charge',
        payment_intent: `pi_${sessionId}`,
        amount_refunded: 7400,
        currency: 'eur',
        metadata: {},
      });
      await deliver(refund);
      await applied(orderId, refund.id);
      expect((await sendWebhook(apps.url, paid)).status).toBe(200);
      const marker = stripeEvent('checkout.session.expired', sessionObject(orderId, sessionId));
      await deliver(marker);
      await applied(orderId, marker.id);
      expect(await paymentTypesOf(apps, orderId)).toEqual([
        'CheckoutSessionOpened',
        'PaymentReceived',
        'PaymentRefunded',
        'StripeEventIgnored',
      ]);
    });
  });

  describe('refusals', () => {
    const inboxOf = (id: string) => withStore(apps, (store) => store.readStream(stripeInboxStreamName(id)));

    it('answers 400 to a bad signature and records nothing', async () => {
      const { orderId, sessionId } = await openOrder();
      const event = completed(orderId, sessionId);
      const answer = await sendWebhook(apps.url, event, { secret: 'whsec_someone_else' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ type: expect.stringContaining('invalid-stripe-signature') });
      expect(await inboxOf(event.id)).toEqual([]);
      const missing = await fetch(`${apps.url}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      expect(missing.status).toBe(400);
      expect(await inboxOf(event.id)).toEqual([]);
      expect(await withStore(apps, (store) => store.readStream(paymentStreamName(orderId)))).toHaveLength(1);
    });

    it('answers 400 to a body changed after signing', async () => {
      const { orderId, sessionId } = await openOrder();
      const event = completed(orderId, sessionId);
      const signedFor = completed(orderId, sessionId, { amount_total: 1 }, event.id);
      const { generateTestHeaderString } = (await import('stripe')).default.webhooks;
      const signature = generateTestHeaderString({
        payload: JSON.stringify(signedFor),
        secret: 'whsec_spec_secret',
      });
      expect((await sendWebhook(apps.url, event, { signature })).status).toBe(400);
      expect(await inboxOf(event.id)).toEqual([]);
    });

    it('answers 400 to a signature older than five minutes (a replay)', async () => {
      const { orderId, sessionId } = await openOrder();
      const event = completed(orderId, sessionId);
      const answer = await sendWebhook(apps.url, event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
      expect(answer.status).toBe(400);
      expect(await inboxOf(event.id)).toEqual([]);
    });

    it('acknowledges an event type it does not handle and records nothing', async () => {
      const event = stripeEvent('customer.created', { id: 'cus_1', object: 'customer' });
      const answer = await sendWebhook(apps.url, event);
      expect(answer).toEqual({ status: 200, body: { received: true, ignored: true } });
      expect(await inboxOf(event.id)).toEqual([]);
    });
  });
});
