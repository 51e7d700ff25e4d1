import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { acceptOrCreateCorrelationId, runWithCorrelation } from '../correlation/correlation-context';
import { CORRELATION_HEADER } from '../correlation/with-correlation';
import type { AppMetrics } from '../metrics/app-metrics';
import { loggableUrl } from './loggable-url';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
  }
}

const REQUEST_ID_HEADER = 'x-request-id';

// Probes and scrapes arrive every few seconds: at info level they would bury the real traffic.
const quietPaths = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/** Correlation id, request log line and duration histogram for every request, matched or not. */
export function installRequestHooks(fastify: FastifyInstance, logger: Logger, metrics: AppMetrics): void {
  fastify.decorateRequest('correlationId', '');

  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = acceptOrCreateCorrelationId(
      request.headers[CORRELATION_HEADER] ?? request.headers[REQUEST_ID_HEADER],
    );
    request.correlationId = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId).header(REQUEST_ID_HEADER, correlationId);
    runWithCorrelation(correlationId, done);
  });

  // Body parsing resumes on the socket's async context, so the id is entered again before the handler.
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithCorrelation(request.correlationId, done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const durationMs = reply.elapsedTime;
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      durationMs / 1000,
    );
    const line = {
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      correlationId: request.correlationId,
    };
    if (quietPaths.test(request.url) && reply.statusCode < 400) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}
