/** The shape of every aggregate: pure functions, no I/O (ARCHITECTURE.md, "The write side"). */
export interface Decider<State, Command, Event> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Returns the new events, or throws a domain error. */
  decide: (command: Command, state: State) => Event[];
}
