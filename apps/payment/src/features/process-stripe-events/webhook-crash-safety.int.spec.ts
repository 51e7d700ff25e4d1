import path from 'node:path';
import { stripeInboxStreamName } from '@quizbook/contracts';
import type { TestApps } from '@quizbook/testing';
import { StripeApiDouble } from '../../testing/stripe-api-double';
import {
  callApi,
  eventually,
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

describe('a webhook acknowledged just before a crash', () => {
  const issuer = new TestIssuer();
  const stripe = new StripeApiDouble();
  const running: TestApps[] = [];

  afterAll(async () => {
    // Latest first: the first app's close removes the directory the others use.
    for (const apps of running.reverse()) await apps.close();
    await stripe.close();
    await issuer.close();
  });

  it('is applied once by the next start: recorded before the 2xx, processed from the inbox checkpoint', async () => {
    const jwksUrl = await issuer.start();
    const env = stripeEnv(await stripe.start());
    // The first process records webhooks but dies before applying any of them.
    const first = await startPaymentApp(jwksUrl, { env, processStripeEvents: false });
    running.push(first);
    await seedOrder(first, 'order-1', 'learner-1');
    const opened = await callApi<{ sessionId: string }>(
      first.url,
      'POST',
      '/orders/order-1/checkout',
      issuer.tokenFor('learner-1'),
    );
    const event = stripeEvent('checkout.session.completed', sessionObject('order-1', opened.body.sessionId));
    expect((await sendWebhook(first.url, event)).status).toBe(200);
    expect(await withStore(first, (store) => store.readStream(stripeInboxStreamName(event.id)))).toHaveLength(
      1,
    );
    expect(await paymentTypesOf(first, 'order-1')).toEqual(['CheckoutSessionOpened']);
    // The process stops; its SQLite files stay (TestApps.close would delete them).
    for (const handle of first.handles) await handle.close();

    // The next process, on the same stores, applies what was recorded.
    const storesOf = (dir: string) => ({
      EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
      READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
    });
    const second = await startPaymentApp(jwksUrl, { env: { ...env, ...storesOf(first.dir) } });
    running.push(second);
    const types = () =>
      withStore(first, (store) => store.readStream('payment-order-1')).then((e) => e.map((x) => x.type));
    await eventually(
      types,
      (t) => t.includes('PaymentReceived'),
      'the recorded payment applied after the restart',
    );

    // Stripe retries meanwhile (it never saw a 2xx it trusted): still one payment.
    expect((await sendWebhook(second.url, event)).body).toEqual({ received: true, duplicate: true });
    for (const handle of second.handles) await handle.close();
    const third = await startPaymentApp(jwksUrl, { env: { ...env, ...storesOf(first.dir) } });
    running.push(third);
    expect(await types()).toEqual(['CheckoutSessionOpened', 'PaymentReceived']);
  });
});
