import { defaultRetryPolicy } from '../message-bus.port';
import { backoffDelayMs, resolveRetryPolicy } from './retry-policy';

describe('retry policy', () => {
  const policy = { maxAttempts: 10, initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles the backoff after each failed attempt, starting from the initial backoff', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than maxBackoffMs, even after absurdly many attempts', () => {
    expect(backoffDelayMs(5, policy)).toBe(1_000);
    expect(backoffDelayMs(10_000, policy)).toBe(1_000);
  });

  it('fills what a consumer leaves out from the default policy', () => {
    expect(resolveRetryPolicy({ maxAttempts: 2 })).toEqual({ ...defaultRetryPolicy, maxAttempts: 2 });
    expect(resolveRetryPolicy(undefined)).toEqual(defaultRetryPolicy);
  });

  it('rejects a policy that could never deliver or never back off sensibly', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ initialBackoffMs: 500, maxBackoffMs: 100 })).toThrow(/backoff/);
  });
});
