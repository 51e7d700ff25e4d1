import { createHash } from 'node:crypto';
import { parseUserEvent, type UserEvent } from '@quizbook/contracts';
import { WrongExpectedRevisionError, type EventStore, type ExpectedRevision } from '@quizbook/eventstore';
import { userDecider, type UserCommand, type UserState } from '../domain/user.decider';

export const userStreamName = (userId: string) => `user-${userId}`;

export interface LoadedUser {
  state: UserState;
  /** The stream's last revision, -1n when it does not exist. */
  revision: bigint;
  /** When the first event was recorded. */
  createdAt: Date | undefined;
}

export async function loadUser(store: EventStore, userId: string): Promise<LoadedUser> {
  const recorded = await store.readStream(userStreamName(userId));
  let state = userDecider.initialState();
  for (const event of recorded) {
    const parsed = parseUserEvent(event.type, event.data);
    if (parsed) state = userDecider.evolve(state, parsed);
  }
  const last = recorded[recorded.length - 1];
  return { state, revision: last ? last.revision : -1n, createdAt: recorded[0]?.createdAt };
}

export const expectedRevisionOf = (revision: bigint): ExpectedRevision =>
  revision === -1n ? 'no-stream' : revision;

export interface HandleOptions {
  /** Reload-decide-append rounds before a conflict is given up on. */
  maxAttempts?: number;
  /** Gives the appended events stable ids, so a retried append records nothing twice. */
  eventId?: (event: UserEvent, index: number) => string;
}

export class TooManyConflictsError extends Error {
  override readonly name = 'TooManyConflictsError';
}

/**
 * Read, fold, decide, append with the exact revision read; on a concurrent write, start over with
 * the newer state (the decision may differ), a bounded number of times.
 */
export async function handleUserCommand(
  store: EventStore,
  command: UserCommand,
  options: HandleOptions = {},
): Promise<LoadedUser & { appended: UserEvent[] }> {
  const userId = command.type === 'RegisterUser' ? command.data.userId : command.userId;
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadUser(store, userId);
    const events = userDecider.decide(command, loaded.state);
    if (events.length === 0) return { ...loaded, appended: [] };
    try {
      const result = await store.appendToStream(
        userStreamName(userId),
        events.map((event, index) => ({
          ...(options.eventId ? { id: options.eventId(event, index) } : {}),
          type: event.type,
          data: event.data,
        })),
        { expectedRevision: expectedRevisionOf(loaded.revision) },
      );
      return {
        state: events.reduce(userDecider.evolve, loaded.state),
        revision: result.nextExpectedRevision,
        createdAt: loaded.createdAt ?? new Date(),
        appended: events,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= maxAttempts)
        throw new TooManyConflictsError(`user ${userId}: gave up after ${attempt} concurrent writes`, {
          cause: error,
        });
    }
  }
}

/** A UUID-shaped id derived from a name: the same fact always gets the same event id. */
export function deterministicId(name: string): string {
  const hex = createHash('sha256').update(name, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
