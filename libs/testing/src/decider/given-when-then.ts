import type { Decider } from './decider';

export interface DeciderSpecification<Command, Event> {
  when(command: Command): {
    then(expected: Event[]): void;
    thenThrows(check: (error: unknown) => boolean | void): void;
  };
}

/**
 * `given(events).when(command).then(events)` for a decider, in the style of emmett's DeciderSpecification:
 * the state is folded from the given events, exactly as a command handler folds a stream.
 */
export function deciderSpec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(events: Event[]): DeciderSpecification<Command, Event> {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(check: (error: unknown) => boolean | void) {
              let thrown: unknown;
              let didThrow = false;
              try {
                run();
              } catch (error) {
                thrown = error;
                didThrow = true;
              }
              if (!didThrow) throw new Error('expected the command to be refused, but it produced events');
              const verdict = check(thrown);
              if (verdict === false)
                throw new Error(`the command was refused with an unexpected error: ${String(thrown)}`);
            },
          };
        },
      };
    },
  };
}
