import { notificationsTopic } from '@quizbook/contracts';
import { openMessageBus, type Consumer, type Message, type MessageBus } from '@quizbook/messaging';
import { devWebhookSecret } from '@quizbook/platform';
import type { TestApps } from '@quizbook/testing';
import {
  callApi,
  eventually,
  seedOrder,
  sendWebhook,
  sessionObject,
  startPaymentApp,
  stripeEvent,
  TestIssuer,
} from '../../testing/payment-test-kit';

describe('payment emails on the notifications topic', () => {
  const issuer = new TestIssuer();
  let apps: TestApps;
  let consumer: Consumer;
  let releaseBus: () => Promise<void> = () => Promise.resolve();
  const received: Message[] = [];

  beforeAll(async () => {
    apps = await startPaymentApp(await issuer.start());
    const lease = await apps.resources.acquire<MessageBus>('bus memory:', () => openMessageBus('memory:'));
    releaseBus = lease.release;
    const bus = lease.resource;
    consumer = await bus.consume({
      topic: notificationsTopic,
      group: 'payment-emails-spec',
      handler: async (message) => {
        received.push(message);
      },
    });
  });
  afterAll(async () => {
    await consumer?.close();
    await releaseBus();
    await apps?.close();
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
  const deliver = (event: object) => sendWebhook(apps.url, event, { secret: devWebhookSecret });

  it('asks for a payment-failed email, addressed with the email the learner checked out with', async () => {
    const sessionId = await open('order-1');
    await deliver(
      stripeEvent(
        'checkout.session.completed',
        sessionObject('order-1', sessionId, { payment_status: 'unpaid' }),
      ),
    );
    await deliver(stripeEvent('checkout.session.async_payment_failed', sessionObject('order-1', sessionId)));
    const [message] = await eventually(
      async () => received.filter((m) => m.type === 'PaymentFailedEmailRequested'),
      (found) => found.length > 0,
      'the payment-failed email request',
    );
    expect(message!.payload).toEqual({
      orderId: 'order-1',
      learnerId: 'learner-1',
      email: 'learner-1@example.com',
      reason: 'the delayed payment failed',
    });
    expect(message!.id).toMatch(/^payment-email-/);
  });

  it('asks for a refund email with the refunded amount', async () => {
    const sessionId = await open('order-2');
    await deliver(stripeEvent('checkout.session.completed', sessionObject('order-2', sessionId)));
    await deliver(
      stripeEvent('charge.refunded', {
        id: 'ch_2',
        object: 'charge',
        payment_intent: `pi_${sessionId}`,
        amount_refunded: 2500,
        currency: 'eur',
        metadata: { orderId: 'order-2' },
      }),
    );
    const [message] = await eventually(
      async () => received.filter((m) => m.type === 'RefundIssuedEmailRequested'),
      (found) => found.length > 0,
      'the refund email request',
    );
    expect(message!.payload).toEqual({
      orderId: 'order-2',
      learnerId: 'learner-1',
      email: 'learner-1@example.com',
      amountCents: 2500,
      currency: 'EUR',
    });
  });
});
