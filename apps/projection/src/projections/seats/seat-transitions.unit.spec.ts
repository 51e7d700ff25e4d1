import { nextHold, seatsLeft } from './seat-transitions';

describe('one order seat on a course', () => {
  it('holds a seat on reservation, turns it confirmed on payment', () => {
    expect(nextHold(undefined, 'SeatReserved')).toEqual({ status: 'reserved', reserved: 1, confirmed: 0 });
    expect(nextHold('reserved', 'SeatConfirmed')).toEqual({
      status: 'confirmed',
      reserved: -1,
      confirmed: 1,
    });
  });

  it('gives back a reserved seat, or a confirmed one on a refund', () => {
    expect(nextHold('reserved', 'SeatReleased')).toEqual({ status: 'released', reserved: -1, confirmed: 0 });
    expect(nextHold('confirmed', 'SeatReleased')).toEqual({ status: 'released', reserved: 0, confirmed: -1 });
  });

  it('never counts a repeated event twice', () => {
    expect(nextHold('reserved', 'SeatReserved')).toMatchObject({ reserved: 0, confirmed: 0 });
    expect(nextHold('confirmed', 'SeatConfirmed')).toMatchObject({ reserved: 0, confirmed: 0 });
    expect(nextHold('released', 'SeatReleased')).toMatchObject({ reserved: 0, confirmed: 0 });
    expect(nextHold(undefined, 'SeatReleased')).toMatchObject({ reserved: 0, confirmed: 0 });
  });

  it('holds a seat again when a released order reserves again', () => {
    expect(nextHold('released', 'SeatReserved')).toEqual({ status: 'reserved', reserved: 1, confirmed: 0 });
  });

  it('never reports fewer than zero seats left', () => {
    expect(seatsLeft(10, 3, 2)).toBe(5);
    expect(seatsLeft(2, 1, 2)).toBe(0);
  });
});
