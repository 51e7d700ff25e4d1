import type { Principal } from '../principal';

/** Milliseconds until the principal's token expires; 0 once it has. */
export function msUntilTokenExpires(principal: Principal, now: number = Date.now()): number {
  return Math.max(0, principal.expiresAt * 1000 - now);
}

// setTimeout fires at once for delays beyond 2^31 - 1 ms; a token living longer is re-armed.
const longestTimerMs = 2 ** 31 - 1;

/**
 * Calls `onExpiry` when the token a socket was opened with expires, so the live channel closes it
 * (the client reconnects with a fresh token). Returns a cancel function for when the socket closes first.
 */
export function atTokenExpiry(principal: Principal, onExpiry: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = msUntilTokenExpires(principal);
    if (remaining > longestTimerMs) timer = setTimeout(arm, longestTimerMs);
    else timer = setTimeout(onExpiry, remaining);
    // An open socket keeps the process alive by itself; its expiry timer must not.
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
