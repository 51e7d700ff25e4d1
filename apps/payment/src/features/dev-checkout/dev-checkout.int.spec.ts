import { stripeInboxCategory } from '@quizbook/contracts';
import type { TestApps } from '@quizbook/testing';
import { StripeApiDouble } from '../../testing/stripe-api-double';
import {
  callApi,
  eventually,
  paymentTypesOf,
  seedOrder,
  startPaymentApp,
  stripeEnv,
  TestIssuer,
  withStore,
} from '../../testing/payment-test-kit';

interface CheckoutAnswer {
  checkoutUrl: string;
  sessionId: string;
}

describe('the dev payment provider (no STRIPE_SECRET_KEY)', () => {
  const issuer = new TestIssuer();
  let apps: TestApps;
  let orders = 0;

  async function checkout() {
    const orderId = `dev-order-${++orders}`;
    await seedOrder(apps, orderId, 'learner-1');
    const answer = await callApi<CheckoutAnswer>(
      apps.url,
      'POST',
      `/orders/${orderId}/checkout`,
      issuer.tokenFor('learner-1'),
    );
    expect(answer.status).toBe(200);
    return { orderId, ...answer.body };
  }

  /** What the page's button does: an empty form post. */
  const press = (sessionId: string, outcome: string) =>
    fetch(`${apps.url}/dev/checkout/${sessionId}/${outcome}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });

  beforeAll(async () => {
    apps = await startPaymentApp(await issuer.start());
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });

  it('points the checkout at its own page, with Pay, Fail and Let expire buttons', async () => {
    const { sessionId, checkoutUrl } = await checkout();
    expect(checkoutUrl).toBe(`http://127.0.0.1:3003/dev/checkout/${sessionId}`);
    const page = await fetch(`${apps.url}/dev/checkout/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const outcome of ['pay', 'fail', 'expire'])
      expect(html).toContain(`action="/dev/checkout/${sessionId}/${outcome}"`);
    expect(html).toContain('74.00 EUR');
  });

  it('Pay sends a signed checkout.session.completed over HTTP, recorded as PaymentReceived', async () => {
    const { orderId, sessionId } = await checkout();
    const pressed = await press(sessionId, 'pay');
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe(`/checkout/complete?orderId=${orderId}`);
    await eventually(
      () => paymentTypesOf(apps, orderId),
      (types) => types.includes('PaymentReceived'),
      'payment',
    );
    expect(await paymentTypesOf(apps, orderId)).toEqual(['CheckoutSessionOpened', 'PaymentReceived']);
    // It came in through the webhook route: the verified event sits in the inbox.
    const inbox = await withStore(apps, (store) => store.readAll({ categories: [stripeInboxCategory] }));
    expect(
      inbox
        .map((e) => e.data as { stripeType: string; object: { id: string } })
        .filter((d) => d.object.id === sessionId),
    ).toEqual([expect.objectContaining({ stripeType: 'checkout.session.completed' })]);
  });

  it('Fail and Let expire end the session as Stripe would', async () => {
    const failing = await checkout();
    expect((await press(failing.sessionId, 'fail')).status).toBe(303);
    await eventually(
      () => paymentTypesOf(apps, failing.orderId),
      (t) => t.includes('PaymentFailed'),
      'failure',
    );
    expect(await paymentTypesOf(apps, failing.orderId)).toEqual([
      'CheckoutSessionOpened',
      'PaymentPending',
      'PaymentFailed',
    ]);

    const expiring = await checkout();
    expect((await press(expiring.sessionId, 'expire')).status).toBe(303);
    await eventually(
      () => paymentTypesOf(apps, expiring.orderId),
      (t) => t.includes('CheckoutExpired'),
      'expiry',
    );
  });

  it('answers 404 for a session it never opened', async () => {
    expect((await fetch(`${apps.url}/dev/checkout/cs_dev_bm9uZQ_0123456789abcdef`)).status).toBe(404);
  });
});

describe('the dev checkout page with Stripe configured', () => {
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

  it('is not served at all', async () => {
    await seedOrder(apps, 'o-1', 'learner-1');
    const { body } = await callApi<CheckoutAnswer>(
      apps.url,
      'POST',
      '/orders/o-1/checkout',
      issuer.tokenFor('learner-1'),
    );
    expect((await fetch(`${apps.url}/dev/checkout/${body.sessionId}`)).status).toBe(404);
    const post = await fetch(`${apps.url}/dev/checkout/${body.sessionId}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(post.status).toBe(404);
  });
});
