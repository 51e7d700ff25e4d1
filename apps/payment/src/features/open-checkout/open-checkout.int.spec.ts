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

interface CheckoutAnswer {
  checkoutUrl: string;
  sessionId: string;
  expiresAt: string;
}

describe('POST /orders/:id/checkout with Stripe (the real client against a local API double)', () => {
  const issuer = new TestIssuer();
  const stripe = new StripeApiDouble();
  let apps: TestApps;
  const learner = () => issuer.tokenFor('learner-1');
  const checkout = (orderId: string, token = learner()) =>
    callApi<CheckoutAnswer>(apps.url, 'POST', `/orders/${orderId}/checkout`, token);

  beforeAll(async () => {
    const jwksUrl = await issuer.start();
    apps = await startPaymentApp(jwksUrl, { env: stripeEnv(await stripe.start()) });
  });
  afterAll(async () => {
    await apps?.close();
    await stripe.close();
    await issuer.close();
  });

  it('creates a payment-mode session with one priced line per course, the order as reference and the hold as expiry', async () => {
    // Taken before the hold is set: the hold ends an hour after seeding, Stripe's expiry is that to the second.
    const before = Date.now();
    await seedOrder(apps, 'order-1', 'learner-1', 60 * 60_000);
    const answer = await checkout('order-1');

    expect(answer.status).toBe(200);
    expect(answer.body.sessionId).toMatch(/^cs_test_/);
    expect(answer.body.checkoutUrl).toBe(`https://checkout.stripe.test/c/pay/${answer.body.sessionId}`);
    const [create] = stripe.creates.filter((r) => r.form.client_reference_id === 'order-1');
    expect(create!.authorization).toBe('Bearer sk_test_spec');
    expect(create!.idempotencyKey).toBe('checkout-order-1--1');
    expect(create!.form).toMatchObject({
      mode: 'payment',
      client_reference_id: 'order-1',
      'metadata[orderId]': 'order-1',
      'metadata[userId]': 'learner-1',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '4900',
      'line_items[0][price_data][product_data][name]': 'Event sourcing',
      'line_items[1][price_data][unit_amount]': '2500',
      'line_items[1][price_data][product_data][name]': 'Stripe in practice',
      customer_email: 'learner-1@example.com',
    });
    expect(create!.form['line_items[2][quantity]']).toBeUndefined();
    expect(create!.form.success_url).toContain('/checkout/complete?orderId=order-1');
    expect(create!.form.cancel_url).toContain('/checkout/cancelled?orderId=order-1');
    // An hour of hold is inside Stripe's window: the session ends with the hold (to the second).
    const expiresAt = Number(create!.form.expires_at) * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60 * 60_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(new Date(answer.body.expiresAt).getTime()).toBe(expiresAt);

    const events = await paymentEventsOf(apps, 'order-1');
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'CheckoutSessionOpened',
        expect.objectContaining({
          orderId: 'order-1',
          sessionId: answer.body.sessionId,
          amountCents: 7400,
          currency: 'EUR',
        }),
      ],
    ]);
  });

  it('moves a hold shorter than 30 minutes to the earliest expiry Stripe accepts', async () => {
    await seedOrder(apps, 'order-short', 'learner-1', 5 * 60_000);
    const before = Date.now();
    const answer = await checkout('order-short');
    expect(answer.status).toBe(200);
    const create = stripe.creates.find((r) => r.form.client_reference_id === 'order-short')!;
    expect(Number(create.form.expires_at) * 1000).toBeGreaterThanOrEqual(before + 30 * 60_000);
  });

  it('answers the open session again instead of creating a second one', async () => {
    await seedOrder(apps, 'order-2', 'learner-1');
    const first = await checkout('order-2');
    const second = await checkout('order-2');
    expect(second).toEqual(first);
    expect(stripe.creates.filter((r) => r.form.client_reference_id === 'order-2')).toHaveLength(1);
  });

  it('opens exactly one session for concurrent checkouts of one order', async () => {
    await seedOrder(apps, 'order-3', 'learner-1');
    const answers = await Promise.all(Array.from({ length: 8 }, () => checkout('order-3')));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body.sessionId)).size).toBe(1);
    expect(stripe.creates.filter((r) => r.form.client_reference_id === 'order-3')).toHaveLength(1);
    expect(await paymentEventsOf(apps, 'order-3')).toHaveLength(1);
  });

  it("answers 404 for someone else's order, exactly as for a missing one", async () => {
    await seedOrder(apps, 'order-4', 'learner-1');
    const other = await checkout('order-4', issuer.tokenFor('learner-2'));
    const missing = await checkout('no-such-order');
    expect(other.status).toBe(404);
    const { type, title, detail } = missing.body as unknown as Record<string, unknown>;
    expect(other.body).toMatchObject({ type, title, detail });
    expect(stripe.creates.filter((r) => r.form.client_reference_id === 'order-4')).toHaveLength(0);
  });

  it('refuses with 409 an order whose seat hold ran out, without calling Stripe', async () => {
    await seedOrder(apps, 'order-5', 'learner-1', -1000);
    const answer = await checkout('order-5');
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ type: expect.stringContaining('order-not-payable') });
    expect(stripe.creates.filter((r) => r.form.client_reference_id === 'order-5')).toHaveLength(0);
  });

  it('needs a signed-in learner', async () => {
    expect((await callApi(apps.url, 'POST', '/orders/order-1/checkout')).status).toBe(401);
  });
});
