import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { matchesCategories } from '../category';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { fromEsdbResolvedEvent } from './esdb-event-conversion';
import { comparePositions, encodePosition, positionFromCheckpoint } from './esdb-positions';

/** Every client read gets a maxCount: without one the client reads the whole stream in one go. */
export const esdbReadPageSize = 500;

export type ReadStreamPage = (
  fromRevision: bigint | typeof START | typeof END,
  direction: typeof FORWARDS | typeof BACKWARDS,
  maxCount: number,
) => Promise<ResolvedEvent[]>;

export type ReadAllPage = (
  fromPosition: ReadPosition,
  direction: typeof FORWARDS | typeof BACKWARDS,
  maxCount: number,
) => Promise<ResolvedEvent[]>;

/** Reads page by page until maxCount events or the end. readPage must return [] for a missing stream. */
export async function readStreamPaged(
  readPage: ReadStreamPage,
  options: ReadStreamOptions = {},
  pageSize = esdbReadPageSize,
): Promise<RecordedEvent[]> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
  const events: RecordedEvent[] = [];
  let from: bigint | typeof START | typeof END = options.fromRevision ?? (forwards ? START : END);
  while (events.length < limit) {
    const count = Math.min(pageSize, limit - events.length);
    const page = await readPage(from, forwards ? FORWARDS : BACKWARDS, count);
    for (const resolved of page) {
      const event = fromEsdbResolvedEvent(resolved);
      if (event) events.push(event);
    }
    const lastRevision = page[page.length - 1]?.event?.revision;
    if (page.length < count || lastRevision === undefined) break;
    if (!forwards && lastRevision === 0n) break;
    from = forwards ? lastRevision + 1n : lastRevision - 1n;
  }
  return events;
}

/**
 * `$all` reads filtered by category on the client (client 6.x has no server filter for reads),
 * skipping system events. `after`/`before` compare encoded positions, exclusive.
 */
export async function readAllPaged(
  readPage: ReadAllPage,
  options: ReadAllOptions = {},
  pageSize = esdbReadPageSize,
): Promise<RecordedEvent[]> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
  const bound = forwards ? options.after : options.before;
  const outsideBound = (position: bigint) =>
    bound !== undefined && (forwards ? position <= bound : position >= bound);
  const events: RecordedEvent[] = [];
  let from: ReadPosition = bound === undefined ? (forwards ? START : END) : positionFromCheckpoint(bound);
  // Reading from a position includes the event there: skip what the previous page already returned.
  let previousPageEnd: Position | undefined;
  while (events.length < limit) {
    const page = await readPage(from, forwards ? FORWARDS : BACKWARDS, pageSize);
    let lastPosition: Position | undefined;
    for (const resolved of page) {
      const position = resolved.event?.position ?? resolved.link?.position;
      if (position) {
        lastPosition = position;
        if (previousPageEnd) {
          const order = comparePositions(position, previousPageEnd);
          if (forwards ? order <= 0 : order >= 0) continue;
        }
        if (outsideBound(encodePosition(position))) continue;
      }
      const event = fromEsdbResolvedEvent(resolved);
      if (!event || !matchesCategories(event.streamName, options.categories)) continue;
      events.push(event);
      if (events.length >= limit) break;
    }
    if (page.length < pageSize || !lastPosition) break;
    from = lastPosition;
    previousPageEnd = lastPosition;
  }
  return events;
}
