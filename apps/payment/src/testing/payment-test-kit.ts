import path from 'node:path';
import {
  OrderAwaitingPayment,
  OrderInitiated,
  orderStreamName,
  paymentStreamName,
  type OrderLine,
} from '@quizbook/contracts';
import { openEventStore, type EventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { jsonClient, startTestApp, type TestApps } from '@quizbook/testing';
import Stripe from 'stripe';
import { createPaymentApp, type PaymentAppOptions } from '../payment.app';

export { TestTokenIssuer as TestIssuer } from '@quizbook/testing';

export const webhookSecret = 'whsec_spec_secret';

/** Stripe mode against the double: STRIPE_API_URL points the real client at it. */
export const stripeEnv = (apiUrl: string): Environment => ({
  STRIPE_SECRET_KEY: 'sk_test_spec',
  STRIPE_WEBHOOK_SECRET: webhookSecret,
  STRIPE_API_URL: apiUrl,
});

export function startPaymentApp(
  userServiceUrl: string,
  options: PaymentAppOptions & { env?: Environment } = {},
): Promise<TestApps> {
  const { env, ...appOptions } = options;
  return startTestApp(createPaymentApp(appOptions), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

export const eventStoreUrlOf = (apps: TestApps) => `sqlite:${path.join(apps.dir, 'events.db')}`;

/** A second handle on the app's event store: specs seed orders and read what the streams hold. */
export async function withStore<T>(apps: TestApps, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(eventStoreUrlOf(apps));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export const lines: OrderLine[] = [
  { courseId: 'course-a', title: 'Event sourcing', priceCents: 4900, currency: 'EUR' },
  { courseId: 'course-b', title: 'Stripe in practice', priceCents: 2500, currency: 'EUR' },
];

/** An order as the course app leaves it: placed, seats held for `heldForMs`. */
export async function seedOrder(apps: TestApps, orderId: string, learnerId: string, heldForMs = 30 * 60_000) {
  const initiated = OrderInitiated.create({ orderId, learnerId, lines, totalCents: 7400, currency: 'EUR' });
  const awaiting = OrderAwaitingPayment.create({
    orderId,
    seatsHeldUntil: new Date(Date.now() + heldForMs).toISOString(),
  });
  await withStore(apps, (store) =>
    store.appendToStream(orderStreamName(orderId), [initiated, awaiting], { expectedRevision: 'no-stream' }),
  );
}

export const paymentEventsOf = (apps: TestApps, orderId: string): Promise<RecordedEvent[]> =>
  withStore(apps, (store) => store.readStream(paymentStreamName(orderId)));

export const paymentTypesOf = async (apps: TestApps, orderId: string) =>
  (await paymentEventsOf(apps, orderId)).map((event) => event.type);

let eventCounter = 0;

/** A Stripe event envelope around `object`, as Stripe posts it. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_spec_${++eventCounter}`,
) {
  return {
    id,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

export const sessionObject = (
  orderId: string,
  sessionId: string,
  overrides: Record<string, unknown> = {},
) => ({
  id: sessionId,
  object: 'checkout.session',
  client_reference_id: orderId,
  metadata: { orderId, userId: 'learner-1' },
  amount_total: 7400,
  currency: 'eur',
  status: 'complete',
  payment_status: 'paid',
  payment_intent: `pi_${sessionId}`,
  ...overrides,
});

export interface WebhookOptions {
  secret?: string;
  /** Seconds since the epoch the signature claims. */
  timestamp?: number;
  signature?: string;
}

/** Posts a signed event to the webhook route, exactly as Stripe does. */
export async function sendWebhook(baseUrl: string, event: object, options: WebhookOptions = {}) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature ??
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? webhookSecret,
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    });
  const response = await fetch(`${baseUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

/** One JSON call with an optional bearer token; status and body only, as specs compare whole answers. */
export async function callApi<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  route: string,
  token?: string,
): Promise<{ status: number; body: T }> {
  const { status, body } = await jsonClient(() => baseUrl)<T>(method, route, { token });
  return { status, body };
}

export { eventually } from '@quizbook/testing';
