import type { Cache } from '@quizbook/cache';
import { ProblemError } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { decide, rateLimitHeaders, rateLimitWindowMs, type RateLimitDecision } from './rate-limit-decision';

export type RateLimitScope = 'ip' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tightest decision so far, so the headers show the limit closest to refusing. */
    rateLimit?: RateLimitDecision;
  }
}

/** Counts a request against one client's budget in the shared cache; refuses with a 429 problem. */
export class RateLimiter {
  constructor(
    private readonly cache: Cache,
    private readonly logger: Logger,
  ) {}

  async count(
    scope: RateLimitScope,
    client: string,
    limit: number,
    request: { rateLimit?: RateLimitDecision },
    reply: FastifyReply,
  ): Promise<void> {
    let decision: RateLimitDecision;
    try {
      decision = decide(await this.cache.hit(`ratelimit:${scope}:${client}`, rateLimitWindowMs), limit);
    } catch (error) {
      // An unreachable cache must not take the whole API down with it: let the request through.
      this.logger.warn({ err: error, scope }, 'rate limit not counted: cache unavailable');
      return;
    }
    const tighter = !request.rateLimit || decision.remaining <= request.rateLimit.remaining;
    if (tighter || !decision.allowed) {
      request.rateLimit = decision;
      void reply.headers(rateLimitHeaders(decision));
    }
    if (!decision.allowed) {
      throw new ProblemError({
        status: 429,
        type: 'rate-limited',
        detail: `Too many requests from this ${scope === 'ip' ? 'address' : 'account'}; retry in ${decision.resetSeconds} s.`,
        extensions: { retryAfterSeconds: decision.resetSeconds },
      });
    }
  }
}
