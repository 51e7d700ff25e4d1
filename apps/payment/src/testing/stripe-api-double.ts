import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  /** The form-encoded body as the client sent it, key by key (`line_items[0][price_data][currency]`). */
  form: Record<string, string>;
  idempotencyKey?: string;
  authorization?: string;
}

type Session = Record<string, unknown>;

/**
 * Stripe's API as far as checkout goes, on 127.0.0.1: the real `stripe` client talks to it through
 * STRIPE_API_URL. Records every request, answers sessions shaped like Stripe's, and honours
 * Idempotency-Key the way Stripe does (same key, same answer).
 */
export class StripeApiDouble {
  readonly requests: RecordedStripeRequest[] = [];
  readonly sessions = new Map<string, Session>();
  private readonly byIdempotencyKey = new Map<string, Session>();
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.answer(request).then(([status, body]) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  get creates(): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(request: IncomingMessage): Promise<[number, unknown]> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => resolve(text));
    });
    const path = (request.url ?? '').split('?')[0]!;
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    this.requests.push({
      method: request.method ?? '',
      path,
      form: Object.fromEntries(new URLSearchParams(body)),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    const form = this.requests[this.requests.length - 1]!.form;
    if (request.method === 'POST' && path === '/v1/checkout/sessions')
      return [200, this.create(form, idempotencyKey)];
    const match = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    const session = match ? this.sessions.get(match[1]!) : undefined;
    if (!session)
      return [404, { error: { type: 'invalid_request_error', message: 'No such checkout session' } }];
    if (request.method === 'POST' && match![2]) Object.assign(session, { status: 'expired', url: null });
    return [200, session];
  }

  private create(form: Record<string, string>, idempotencyKey: string | undefined): Session {
    const replay = idempotencyKey ? this.byIdempotencyKey.get(idempotencyKey) : undefined;
    if (replay) return replay;
    const id = `cs_test_${++this.counter}`;
    let amountTotal = 0;
    for (let i = 0; form[`line_items[${i}][price_data][unit_amount]`] !== undefined; i++)
      amountTotal +=
        Number(form[`line_items[${i}][price_data][unit_amount]`]) *
        Number(form[`line_items[${i}][quantity]`] ?? 1);
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: form.mode,
      status: 'open',
      payment_status: 'unpaid',
      url: `https://checkout.stripe.test/c/pay/${id}`,
      client_reference_id: form.client_reference_id ?? null,
      metadata: { orderId: form['metadata[orderId]'], userId: form['metadata[userId]'] },
      expires_at: Number(form.expires_at),
      amount_total: amountTotal,
      currency: form['line_items[0][price_data][currency]'],
      success_url: form.success_url,
      cancel_url: form.cancel_url,
    };
    this.sessions.set(id, session);
    if (idempotencyKey) this.byIdempotencyKey.set(idempotencyKey, session);
    return session;
  }
}
