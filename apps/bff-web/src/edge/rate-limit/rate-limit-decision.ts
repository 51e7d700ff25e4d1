import type { WindowHit } from '@quizbook/cache';

export const rateLimitWindowMs = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets: what Retry-After and RateLimit-Reset carry. */
  resetSeconds: number;
}

export function decide(hit: WindowHit, limit: number): RateLimitDecision {
  return {
    allowed: hit.count <= limit,
    limit,
    remaining: Math.max(0, limit - hit.count),
    // Rounded up: a client retrying after a rounded-down wait would be refused again.
    resetSeconds: Math.max(1, Math.ceil(hit.resetInMs / 1000)),
  };
}

/** The RateLimit-* fields of draft-ietf-httpapi-ratelimit-headers, plus Retry-After when refused. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
    'ratelimit-policy': `${decision.limit};w=${rateLimitWindowMs / 1000}`,
    ...(decision.allowed ? {} : { 'retry-after': String(decision.resetSeconds) }),
  };
}
