import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { toRecordedEvent } from './sql-rows';
import { eventsTable, positionCounterId, positionTable, type EventStoreDatabase } from './sql-schema';

export async function readStreamEvents(
  database: EventStoreDatabase,
  streamName: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let query = database.db.selectFrom(eventsTable).selectAll().where('stream_name', '=', streamName);
  if (options.fromRevision !== undefined) {
    query = query.where('revision', forwards ? '>=' : '<=', options.fromRevision);
  }
  query = query.orderBy('revision', forwards ? 'asc' : 'desc');
  if (options.maxCount !== undefined) query = query.limit(options.maxCount);
  const rows = await query.execute();
  return rows.map(toRecordedEvent);
}

export async function readAllEvents(
  database: EventStoreDatabase,
  options: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let query = database.db.selectFrom(eventsTable).selectAll();
  if (forwards && options.after !== undefined) query = query.where('position', '>', options.after);
  if (!forwards && options.before !== undefined) query = query.where('position', '<', options.before);
  if (options.categories && options.categories.length > 0) {
    query = query.where('category', 'in', [...options.categories]);
  }
  query = query.orderBy('position', forwards ? 'asc' : 'desc');
  if (options.maxCount !== undefined) query = query.limit(options.maxCount);
  const rows = await query.execute();
  return rows.map(toRecordedEvent);
}

export async function readHeadPosition(database: EventStoreDatabase): Promise<bigint> {
  const row = await database.db
    .selectFrom(positionTable)
    .select('next_position')
    .where('id', '=', positionCounterId)
    .executeTakeFirstOrThrow();
  return BigInt(row.next_position) - 1n;
}
