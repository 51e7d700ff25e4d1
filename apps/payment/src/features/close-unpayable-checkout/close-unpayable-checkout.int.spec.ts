import { OrderCancelled, OrderExpired, orderStreamName } from '@quizbook/contracts';
import type { TestApps } from '@quizbook/testing';
import { StripeApiDouble } from '../../testing/stripe-api-double';
import {
  callApi,
  eventually,
  seedOrder,
  sendWebhook,
  sessionObject,
  startPaymentApp,
  stripeEnv,
  stripeEvent,
  TestIssuer,
  withStore,
  paymentTypesOf,
} from '../../testing/payment-test-kit';

describe('an order that can no longer be paid', () => {
  const issuer = new TestIssuer();
  const stripe = new StripeApiDouble();
  let apps: TestApps;

  beforeAll(async () => {
    apps = await startPaymentApp(await issuer.start(), { env: stripeEnv(await stripe.start()) });
  });
  afterAll(async () => {
    await apps?.close();
    await stripe.close();
    await issuer.close();
  });

  const open = async (orderId: string) => {
    await seedOrder(apps, orderId, 'learner-1');
    const answer = await callApi<{ sessionId: string }>(
      apps.url,
      'POST',
      `/orders/${orderId}/checkout`,
      issuer.tokenFor('learner-1'),
    );
    return answer.body.sessionId;
  };
  const close = (orderId: string, event: { type: string; data: unknown }) =>
    withStore(apps, (store) =>
      store.appendToStream(orderStreamName(orderId), [event], { expectedRevision: 'any' }),
    );
  const expireCalls = (sessionId: string) =>
    stripe.requests.filter((r) => r.path === `/v1/checkout/sessions/${sessionId}/expire`);

  it('expires its open Stripe session when the seat hold expires or the learner cancels', async () => {
    const expiring = await open('order-1');
    const cancelled = await open('order-2');
    await close('order-1', OrderExpired.create({ orderId: 'order-1' }));
    await close('order-2', OrderCancelled.create({ orderId: 'order-2' }));
    await eventually(
      async () => expireCalls(expiring).length + expireCalls(cancelled).length,
      (n) => n === 2,
      'two expire calls',
    );
    expect(stripe.sessions.get(expiring)!.status).toBe('expired');
  });

  it('leaves a paid session alone', async () => {
    const sessionId = await open('order-3');
    const paid = stripeEvent('checkout.session.completed', sessionObject('order-3', sessionId));
    await sendWebhook(apps.url, paid);
    await eventually(
      () => paymentTypesOf(apps, 'order-3'),
      (t) => t.includes('PaymentReceived'),
      'paid',
    );
    await close('order-3', OrderCancelled.create({ orderId: 'order-3' }));
    // order-4 closes after order-3: once its session is expired, order-3's event was handled too.
    const later = await open('order-4');
    await close('order-4', OrderExpired.create({ orderId: 'order-4' }));
    await eventually(
      async () => expireCalls(later).length,
      (n) => n === 1,
      'the later order closed',
    );
    expect(expireCalls(sessionId)).toHaveLength(0);
  });
});
