import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { SqlDialectName } from '@quizbook/database';
import { categoryOf } from '../category';
import { DuplicateEventIdError } from '../errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { assertExpectedRevision } from '../expected-revision';
import {
  eventsTable,
  positionCounterId,
  positionTable,
  type EventRow,
  type EventStoreDatabase,
  type EventStoreSchema,
} from './sql-schema';

/** Rows per INSERT: far below SQLite's bound-parameter limit and MySQL's packet size for typical events. */
const insertChunkSize = 200;
const mysqlDeadlockErrno = 1213;
const deadlockRetries = 3;

interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export async function appendEvents(
  database: EventStoreDatabase,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const prepared = events.map(prepareEvent);
  assertUniqueIdsInBatch(streamName, prepared);
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db
        .transaction()
        .execute((trx) => appendInTransaction(trx, database.dialect, streamName, prepared, expected));
    } catch (error) {
      // The position lock is always taken first, so deadlocks should not happen; if InnoDB still
      // picks this transaction as a victim, the whole append was rolled back and is safe to redo.
      if (attempt >= deadlockRetries || !isMysqlDeadlock(error)) throw error;
    }
  }
}

function prepareEvent(event: NewEvent): PreparedEvent {
  return {
    id: event.id ?? randomUUID(),
    type: event.type,
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata ?? {}),
  };
}

function assertUniqueIdsInBatch(streamName: string, events: readonly PreparedEvent[]): void {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) throw new DuplicateEventIdError(streamName, event.id);
    seen.add(event.id);
  }
}

async function appendInTransaction(
  trx: Transaction<EventStoreSchema>,
  dialect: SqlDialectName,
  streamName: string,
  events: readonly PreparedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  // Everything below runs while this transaction holds the position lock, so positions are assigned
  // and committed strictly in order: a reader never sees position p+1 before p is committed.
  const nextPosition = await lockPositionCounter(trx, dialect);

  const retried = await findRetriedAppend(trx, streamName, events);
  if (retried) return retried;

  const actual = await lastRevision(trx, streamName);
  assertExpectedRevision(streamName, expected, actual);
  if (events.length === 0) return { nextExpectedRevision: actual, position: nextPosition - 1n };

  const createdAt = Date.now();
  const category = categoryOf(streamName);
  const rows: EventRow[] = events.map((event, index) => ({
    position: nextPosition + BigInt(index),
    stream_name: streamName,
    revision: actual + 1n + BigInt(index),
    event_id: event.id,
    category,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    created_at: createdAt,
  }));
  for (let start = 0; start < rows.length; start += insertChunkSize) {
    await trx
      .insertInto(eventsTable)
      .values(rows.slice(start, start + insertChunkSize))
      .execute();
  }
  const count = BigInt(events.length);
  await trx
    .updateTable(positionTable)
    .set({ next_position: nextPosition + count })
    .where('id', '=', positionCounterId)
    .execute();
  return { nextExpectedRevision: actual + count, position: nextPosition + count - 1n };
}

/** Takes the one write lock every append shares and returns the next free position. */
async function lockPositionCounter(
  trx: Transaction<EventStoreSchema>,
  dialect: SqlDialectName,
): Promise<bigint> {
  const select = trx.selectFrom(positionTable).select('next_position').where('id', '=', positionCounterId);
  if (dialect === 'sqlite') {
    // SQLite has no FOR UPDATE: a write as the first statement takes the database write lock now,
    // instead of upgrading a read lock later (which fails with SQLITE_BUSY across connections).
    await trx
      .updateTable(positionTable)
      .set((eb) => ({ next_position: eb.ref('next_position') }))
      .where('id', '=', positionCounterId)
      .execute();
  }
  const row = await (dialect === 'mysql' ? select.forUpdate() : select).executeTakeFirstOrThrow();
  return BigInt(row.next_position);
}

async function lastRevision(trx: Transaction<EventStoreSchema>, streamName: string): Promise<bigint> {
  const row = await trx
    .selectFrom(eventsTable)
    .select('revision')
    .where('stream_name', '=', streamName)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? BigInt(row.revision) : -1n;
}

/**
 * A retried append (every event id already recorded, in this stream, with the same content) returns
 * the original result and writes nothing. Any other reuse of a recorded id is a DuplicateEventIdError.
 */
async function findRetriedAppend(
  trx: Transaction<EventStoreSchema>,
  streamName: string,
  events: readonly PreparedEvent[],
): Promise<AppendResult | undefined> {
  if (events.length === 0) return undefined;
  const recorded = await trx
    .selectFrom(eventsTable)
    .select(['event_id', 'stream_name', 'revision', 'position', 'type', 'data'])
    .where(
      'event_id',
      'in',
      events.map((event) => event.id),
    )
    .orderBy('revision', 'asc')
    .execute();
  if (recorded.length === 0) return undefined;

  const byId = new Map(recorded.map((row) => [row.event_id, row]));
  for (const event of events) {
    const row = byId.get(event.id);
    if (!row || row.stream_name !== streamName || row.type !== event.type || row.data !== event.data) {
      throw new DuplicateEventIdError(streamName, (row ?? recorded[0]!).event_id);
    }
  }
  const inBatchOrder = events.every((event, index) => recorded[index]?.event_id === event.id);
  if (!inBatchOrder) throw new DuplicateEventIdError(streamName, events[0]!.id);
  const last = recorded[recorded.length - 1]!;
  return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position) };
}

function isMysqlDeadlock(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { errno?: unknown }).errno === mysqlDeadlockErrno
  );
}
