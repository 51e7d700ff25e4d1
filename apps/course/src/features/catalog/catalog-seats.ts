import type { CatalogHoldStatus } from './catalog.tables';

type SeatEvent = 'SeatReserved' | 'SeatReleased' | 'SeatConfirmed';

/**
 * One order's seat on a course, and what the move does to the reserved and confirmed counts.
 * Counting per hold keeps seats left right when a release follows a confirmation (a refund).
 */
export function nextCatalogHold(current: CatalogHoldStatus | undefined, event: SeatEvent) {
  const none = { reserved: 0, confirmed: 0 };
  if (event === 'SeatReserved') {
    return current === 'reserved' || current === 'confirmed'
      ? { status: current, ...none }
      : { status: 'reserved' as const, reserved: 1, confirmed: 0 };
  }
  if (event === 'SeatConfirmed') {
    if (current === 'confirmed') return { status: current, ...none };
    return { status: 'confirmed' as const, reserved: current === 'reserved' ? -1 : 0, confirmed: 1 };
  }
  if (current === 'reserved') return { status: 'released' as const, reserved: -1, confirmed: 0 };
  if (current === 'confirmed') return { status: 'released' as const, reserved: 0, confirmed: -1 };
  return { status: current ?? ('released' as const), ...none };
}

export const seatsLeftOf = (row: { capacity: number; reserved: number; confirmed: number }): number =>
  Math.max(0, Number(row.capacity) - Number(row.reserved) - Number(row.confirmed));
