import { backoffDelayMs, caughtUpLatch, sleep, SubscriptionClosedError } from './subscription-lifecycle';

describe('subscription lifecycle helpers', () => {
  it('backs off exponentially from the initial delay up to the cap', () => {
    const backoff = { initialMs: 10, maxMs: 100 };
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelayMs(attempt, backoff))).toEqual([
      10, 20, 40, 80, 100, 100,
    ]);
  });

  it('an aborted sleep ends at once', async () => {
    const controller = new AbortController();
    const sleeping = sleep(3_600_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('caughtUp resolves once, or rejects with SubscriptionClosedError when abandoned first', async () => {
    const resolved = caughtUpLatch();
    resolved.resolve();
    resolved.abandon();
    await expect(resolved.promise).resolves.toBeUndefined();

    const abandoned = caughtUpLatch();
    abandoned.abandon();
    abandoned.resolve();
    await expect(abandoned.promise).rejects.toBeInstanceOf(SubscriptionClosedError);
  });
});
