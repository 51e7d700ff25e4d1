import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

// Preflight answers are cached by browsers this long, sparing one OPTIONS per call.
const preflightMaxAgeSeconds = 600;

/**
 * Only the configured origins may call from a browser, with cookies or Authorization; with none
 * configured no cross-origin call is allowed. Origins are compared exactly, never as patterns.
 */
export async function installCors(
  nest: NestFastifyApplication,
  allowedOrigins: readonly string[],
): Promise<void> {
  const allowed = new Set(allowedOrigins);
  await nest.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'if-match',
      'idempotency-key',
      'x-request-id',
      'x-correlation-id',
    ],
    exposedHeaders: [
      'etag',
      'location',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'ratelimit-policy',
      'x-request-id',
      'x-correlation-id',
    ],
    maxAge: preflightMaxAgeSeconds,
  });
}
