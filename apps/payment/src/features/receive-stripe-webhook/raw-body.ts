import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

export const stripeWebhookPath = '/webhooks/stripe';

/**
 * The Stripe signature covers the exact bytes sent, so the webhook route gets its body as a Buffer;
 * every other JSON route is parsed as usual. Registered before Nest's own parsers, which then stay out.
 */
export function keepRawBodyForStripe(nest: NestFastifyApplication, bodyLimit: number): void {
  const fastify = nest.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  nest.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (request.routeOptions.url === stripeWebhookPath) done(null, body);
    else parseJson(request, body.toString('utf8'), done);
  });
  // The dev checkout page's buttons post empty forms.
  nest.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, _body, done) =>
    done(null, {}),
  );
}
