const minute = 60_000;
/** Stripe accepts `expires_at` 30 minutes to 24 hours ahead; a minute of margin for clocks and latency. */
const earliest = 31 * minute;
const latest = 24 * 60 * minute - minute;

/** The seat hold's end, moved into Stripe's window: a session may outlive a short hold, never the reverse. */
export function checkoutExpiry(seatsHeldUntil: Date, now: Date): Date {
  const at = Math.min(Math.max(seatsHeldUntil.getTime(), now.getTime() + earliest), now.getTime() + latest);
  return new Date(at);
}
