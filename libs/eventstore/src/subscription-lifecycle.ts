/** Thrown into `caughtUp` when a subscription is closed before it caught up, so awaiting it never hangs. */
export class SubscriptionClosedError extends Error {
  override readonly name = 'SubscriptionClosedError';
  constructor() {
    super('the subscription was closed before it caught up');
  }
}

export interface RetryBackoff {
  /** Delay before the first retry. */
  initialMs: number;
  /** Cap, so a long outage still retries at a steady pace. */
  maxMs: number;
}

export const defaultRetryBackoff: RetryBackoff = { initialMs: 25, maxMs: 5_000 };

/** Exponential: attempt 1 waits initialMs, each further attempt doubles, capped at maxMs. */
export function backoffDelayMs(attempt: number, backoff: RetryBackoff = defaultRetryBackoff): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(backoff.initialMs * 2 ** exponent, backoff.maxMs);
}

/** Resolves after `ms`, or as soon as the signal aborts (close must not wait out a backoff). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}

export interface CaughtUpLatch {
  readonly promise: Promise<void>;
  resolve(): void;
  /** Rejects with SubscriptionClosedError unless already resolved. */
  abandon(): void;
}

export function caughtUpLatch(): CaughtUpLatch {
  let settled = false;
  let resolvePromise!: () => void;
  let rejectPromise!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  // Nobody has to await caughtUp: a rejection on close must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return {
    promise,
    resolve() {
      if (settled) return;
      settled = true;
      resolvePromise();
    },
    abandon() {
      if (settled) return;
      settled = true;
      rejectPromise(new SubscriptionClosedError());
    },
  };
}

/** Without an onError the failure must still be visible somewhere, while the subscription keeps retrying. */
export function reportSubscriptionError(
  onError: ((error: unknown, attempt: number) => void) | undefined,
  error: unknown,
  attempt: number,
): void {
  try {
    if (onError) onError(error, attempt);
    else console.error(`event store subscription: attempt ${attempt} failed, retrying`, error);
  } catch {
    // A throwing onError must not kill the retry loop.
  }
}
