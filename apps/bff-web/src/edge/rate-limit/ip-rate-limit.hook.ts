import { PROBLEM_CONTENT_TYPE, ProblemError } from '@quizbook/platform';
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from './rate-limiter';

// Probes and scrapes come every few seconds from the same balancer address and must never be refused.
const unlimitedPaths = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/**
 * Counts every request per client address before its body is read, so a flood costs one cache hit
 * per request and no parsing. The address is the socket's: behind a proxy it must be set to trust it.
 */
export function installIpRateLimit(fastify: FastifyInstance, limiter: RateLimiter, limit: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (unlimitedPaths.test(request.url)) return;
    try {
      await limiter.count('ip', request.ip, limit, request, reply);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const problem = {
        ...error.problem,
        instance: request.url.split('?')[0],
        correlationId: request.correlationId,
      };
      return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
    }
  });
}
