import { z } from 'zod';
import { ContractViolationError, defineContract, eventParser } from './contract';

const SeatReserved = defineContract(
  'SeatReserved',
  1,
  z.object({ courseId: z.string().min(1), orderId: z.string().min(1), seats: z.number().int().positive() }),
);

describe('defineContract', () => {
  it('creates a typed, versioned message from valid data', () => {
    expect(SeatReserved.create({ courseId: 'c1', orderId: 'o1', seats: 2 })).toEqual({
      type: 'SeatReserved',
      version: 1,
      data: { courseId: 'c1', orderId: 'o1', seats: 2 },
    });
  });

  it('names every field at fault when the data does not match', () => {
    let error: unknown;
    try {
      SeatReserved.parse({ courseId: '', seats: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).issues.map((i) => i.field).sort()).toEqual([
      'courseId',
      'orderId',
      'seats',
    ]);
  });
});

describe('eventParser', () => {
  const SeatReleased = defineContract('SeatReleased', 1, z.object({ courseId: z.string().min(1) }));
  const parseSeatEvent = eventParser({ SeatReserved, SeatReleased });

  it('validates an event of the family against its own contract', () => {
    expect(parseSeatEvent('SeatReleased', { courseId: 'c1' })).toEqual({
      type: 'SeatReleased',
      data: { courseId: 'c1' },
    });
    expect(() => parseSeatEvent('SeatReserved', { courseId: 'c1' })).toThrow(ContractViolationError);
  });

  it('answers undefined for a type outside the family, even one named like an object property', () => {
    expect(parseSeatEvent('OrderPaid', {})).toBeUndefined();
    expect(parseSeatEvent('toString', {})).toBeUndefined();
  });
});
