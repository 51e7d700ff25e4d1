export interface DigestWindow {
  /** When the earliest attempt still waiting for a digest was graded. */
  firstPendingAt: Date;
  /** When the quiz's previous digest was sent, if ever. */
  lastDigestAt: Date | undefined;
  intervalMs: number;
  delayMs: number;
}

/**
 * When a quiz's waiting attempts are due for a digest: a short gathering delay after the first one
 * (so the first result of a quiet quiz is reported soon), but never sooner than one interval after
 * the previous digest (so an instructor gets at most one per interval, not one per attempt).
 */
export function digestDueAt({ firstPendingAt, lastDigestAt, intervalMs, delayMs }: DigestWindow): Date {
  const gathered = firstPendingAt.getTime() + delayMs;
  const throttled = lastDigestAt ? lastDigestAt.getTime() + intervalMs : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(gathered, throttled));
}
