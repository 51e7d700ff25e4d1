import { defaultRetryPolicy, type RetryPolicy } from '../message-bus.port';

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...defaultRetryPolicy, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  if (policy.initialBackoffMs < 0 || policy.maxBackoffMs < policy.initialBackoffMs) {
    throw new RangeError('retry backoff must satisfy 0 <= initialBackoffMs <= maxBackoffMs');
  }
  return policy;
}

/** Delay before delivering attempt `failedAttempt + 1`: doubles each time, capped at maxBackoffMs. */
export function backoffDelayMs(failedAttempt: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, failedAttempt - 1);
  // Capping the exponent keeps 2 ** exponent finite for absurd attempt numbers.
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.min(exponent, 52));
}
