import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
} from '@quizbook/eventstore';
import { deterministicId } from '@quizbook/eventstore';
import type { KeyedMutex } from '../concurrency';

export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface StreamDecider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
  /** Validates a stored event; undefined for a type the decider does not know. */
  parse: (type: string, data: unknown) => Event | undefined;
  /** Validates an event on its way into the store. */
  validate: (event: Event) => void;
}

export interface LoadedStream<State> {
  state: State;
  /** The stream's last revision, -1n when it does not exist: the ETag of the resource. */
  revision: bigint;
  /** When the first event was recorded. */
  createdAt: Date | undefined;
  /** Each event's type and time, oldest first: an order's status history. */
  history: { type: string; at: Date }[];
}

export interface HandleOptions<Event> {
  /** Names each appended fact, so a retried or resumed step records it once (see deterministicId). */
  eventName?: (event: Event, index: number) => string;
  /** The client's `If-Match`: decide on exactly this revision or refuse; no retry. */
  ifMatch?: bigint;
}

export interface Handled<State, Event> extends LoadedStream<State> {
  appended: Event[];
  /** Global position of the last appended event, for read-your-writes waits. */
  position?: bigint;
}

/** The client's version is not the stream's: reload and decide again (412). */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  constructor(
    readonly streamName: string,
    readonly current: bigint,
  ) {
    super(`stream ${streamName} is at revision ${current}`);
  }
}

export class TooManyConflictsError extends Error {
  override readonly name = 'TooManyConflictsError';
}

const expectedRevisionOf = (revision: bigint): ExpectedRevision =>
  revision === -1n ? 'no-stream' : revision;

/**
 * Read, fold, decide, append with the exact revision read. Commands on one stream queue on an
 * in-process mutex; a conflict can then only come from another process, and is retried with the
 * reloaded state a bounded number of times.
 */
export class EventSourcedStreams<State, Command, Event extends DomainEvent> {
  constructor(
    private readonly store: EventStore,
    private readonly mutex: KeyedMutex,
    private readonly decider: StreamDecider<State, Command, Event>,
    readonly streamNameOf: (id: string) => string,
    private readonly maxAttempts = 20,
  ) {}

  async load(id: string): Promise<LoadedStream<State>> {
    const recorded = await this.store.readStream(this.streamNameOf(id));
    let state = this.decider.initialState();
    const history: LoadedStream<State>['history'] = [];
    for (const event of recorded) {
      const parsed = this.decider.parse(event.type, event.data);
      if (!parsed) continue;
      state = this.decider.evolve(state, parsed);
      history.push({ type: event.type, at: event.createdAt });
    }
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : -1n, createdAt: recorded[0]?.createdAt, history };
  }

  handle(id: string, command: Command, options: HandleOptions<Event> = {}): Promise<Handled<State, Event>> {
    const streamName = this.streamNameOf(id);
    return this.mutex.run(streamName, () => this.#decideAndAppend(id, streamName, command, options));
  }

  async #decideAndAppend(
    id: string,
    streamName: string,
    command: Command,
    options: HandleOptions<Event>,
  ): Promise<Handled<State, Event>> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(id);
      if (options.ifMatch !== undefined && loaded.revision !== options.ifMatch)
        throw new StaleRevisionError(streamName, loaded.revision);
      const events = this.decider.decide(command, loaded.state);
      if (events.length === 0) return { ...loaded, appended: [] };
      events.forEach((event) => this.decider.validate(event));
      try {
        const result = await this.store.appendToStream(
          streamName,
          events.map((event, index) => ({
            ...(options.eventName ? { id: deterministicId(options.eventName(event, index)) } : {}),
            type: event.type,
            data: event.data,
          })),
          { expectedRevision: expectedRevisionOf(loaded.revision) },
        );
        const now = new Date();
        return {
          state: events.reduce(this.decider.evolve, loaded.state),
          revision: result.nextExpectedRevision,
          createdAt: loaded.createdAt ?? now,
          history: [...loaded.history, ...events.map((event) => ({ type: event.type, at: now }))],
          appended: events,
          position: result.position,
        };
      } catch (error) {
        // A named fact recorded meanwhile with other data (another process released the seat for
        // another reason) is a conflict like any other: the reloaded state decides again.
        const conflict =
          error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;
        if (!conflict) throw error;
        if (options.ifMatch !== undefined)
          throw new StaleRevisionError(streamName, (await this.load(id)).revision);
        if (attempt >= this.maxAttempts)
          throw new TooManyConflictsError(`${streamName}: gave up after ${attempt} concurrent writes`, {
            cause: error,
          });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }
}
