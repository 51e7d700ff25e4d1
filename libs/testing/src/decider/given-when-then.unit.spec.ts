import type { Decider } from './decider';
import { deciderSpec } from './given-when-then';

// A seat counter: the smallest decider that can both decide and refuse.
type SeatEvent = { type: 'SeatTaken' } | { type: 'SeatReleased' };
type SeatCommand = { type: 'TakeSeat' } | { type: 'ReleaseSeat' };
class NoSeatLeft extends Error {}

const seats: Decider<{ taken: number }, SeatCommand, SeatEvent> = {
  initialState: () => ({ taken: 0 }),
  evolve: (state, event) => ({ taken: state.taken + (event.type === 'SeatTaken' ? 1 : -1) }),
  decide: (command, state) => {
    if (command.type === 'TakeSeat') {
      if (state.taken >= 2) throw new NoSeatLeft();
      return [{ type: 'SeatTaken' }];
    }
    return state.taken > 0 ? [{ type: 'SeatReleased' }] : [];
  },
};

const spec = deciderSpec(seats);

describe('deciderSpec', () => {
  it('folds the given events before deciding', () => {
    spec
      .given([{ type: 'SeatTaken' }])
      .when({ type: 'ReleaseSeat' })
      .then([{ type: 'SeatReleased' }]);
    spec.given([]).when({ type: 'ReleaseSeat' }).then([]);
  });

  it('checks a refusal with the error it expects', () => {
    spec
      .given([{ type: 'SeatTaken' }, { type: 'SeatTaken' }])
      .when({ type: 'TakeSeat' })
      .thenThrows((error) => error instanceof NoSeatLeft);
  });

  it('fails a spec whose expectation does not hold', () => {
    expect(() => spec.given([]).when({ type: 'TakeSeat' }).then([])).toThrow();
    expect(() =>
      spec
        .given([])
        .when({ type: 'TakeSeat' })
        .thenThrows(() => true),
    ).toThrow('expected the command to be refused');
    expect(() =>
      spec
        .given([{ type: 'SeatTaken' }, { type: 'SeatTaken' }])
        .when({ type: 'TakeSeat' })
        .thenThrows(() => false),
    ).toThrow('unexpected error');
  });
});
