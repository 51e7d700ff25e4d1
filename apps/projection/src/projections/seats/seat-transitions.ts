export type HoldStatus = 'reserved' | 'confirmed' | 'released';
export type SeatEventType = 'SeatReserved' | 'SeatReleased' | 'SeatConfirmed';

export interface HoldTransition {
  status: HoldStatus;
  reserved: number;
  confirmed: number;
}

/**
 * How one order's seat on one course moves, and what that does to the course's counts. Counting
 * per hold (not per event) keeps the counts right whatever the decider lets through: a second
 * SeatReserved for the same order holds no second seat, and a release after a confirmation
 * (a refund) gives back a confirmed seat rather than a reserved one.
 */
export function nextHold(current: HoldStatus | undefined, event: SeatEventType): HoldTransition {
  const held = current === 'reserved' || current === 'confirmed';
  switch (event) {
    case 'SeatReserved':
      return held
        ? { status: current, reserved: 0, confirmed: 0 }
        : { status: 'reserved', reserved: 1, confirmed: 0 };
    case 'SeatConfirmed':
      if (current === 'confirmed') return { status: 'confirmed', reserved: 0, confirmed: 0 };
      return { status: 'confirmed', reserved: current === 'reserved' ? -1 : 0, confirmed: 1 };
    case 'SeatReleased':
      if (current === 'reserved') return { status: 'released', reserved: -1, confirmed: 0 };
      if (current === 'confirmed') return { status: 'released', reserved: 0, confirmed: -1 };
      return { status: current ?? 'released', reserved: 0, confirmed: 0 };
  }
}

export const seatsLeft = (capacity: number, reserved: number, confirmed: number): number =>
  Math.max(0, capacity - reserved - confirmed);
