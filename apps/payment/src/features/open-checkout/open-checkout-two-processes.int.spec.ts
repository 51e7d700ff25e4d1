import path from 'node:path';
import type { TestApps } from '@quizbook/testing';
import { StripeApiDouble } from '../../testing/stripe-api-double';
import {
  callApi,
  paymentEventsOf,
  seedOrder,
  startPaymentApp,
  stripeEnv,
  TestIssuer,
} from '../../testing/payment-test-kit';

describe('concurrent checkouts of one order in two processes', () => {
  const issuer = new TestIssuer();
  const stripe = new StripeApiDouble();
  const running: TestApps[] = [];

  afterAll(async () => {
    // Latest first: the first app's close removes the directory both use.
    for (const apps of running.reverse()) await apps.close();
    await stripe.close();
    await issuer.close();
  });

  it('record one session, which both answer: the expected-revision append decides', async () => {
    const jwksUrl = await issuer.start();
    const env = stripeEnv(await stripe.start());
    const first = await startPaymentApp(jwksUrl, { env });
    running.push(first);
    const second = await startPaymentApp(jwksUrl, {
      env: {
        ...env,
        EVENT_STORE_URL: `sqlite:${path.join(first.dir, 'events.db')}`,
        READ_DB_URL: `sqlite:${path.join(first.dir, 'read.db')}`,
      },
    });
    running.push(second);

    const token = issuer.tokenFor('learner-1');
    for (let round = 1; round <= 5; round++) {
      const orderId = `order-${round}`;
      await seedOrder(first, orderId, 'learner-1');
      const answers = await Promise.all(
        [first, second, first, second].map((apps) =>
          callApi<{ sessionId: string }>(apps.url, 'POST', `/orders/${orderId}/checkout`, token),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const recorded = await paymentEventsOf(first, orderId);
      expect(recorded.map((e) => e.type)).toEqual(['CheckoutSessionOpened']);
      const sessionId = (recorded[0]!.data as { sessionId: string }).sessionId;
      expect(answers.map((a) => a.body.sessionId)).toEqual([sessionId, sessionId, sessionId, sessionId]);
      // Every create carried the same idempotency key, so Stripe answered them all with one session.
      const created = new Set(
        stripe.creates.filter((r) => r.form.client_reference_id === orderId).map((r) => r.idempotencyKey),
      );
      expect(created).toEqual(new Set([`checkout-${orderId}--1`]));
      expect(stripe.sessions.get(sessionId)!.status).toBe('open');
    }
  });
});
