import type { EventStore } from '@quizbook/eventstore';
import type { Checkpoint } from '../checkpoints/checkpoint-position';
import type { AnySqlDatabase } from '../sql-database';
import { applyEventsInTransaction } from './apply-events';
import { prepareProjection } from './prepare-projection';
import type { Projection } from './projection';
import type { RebuildProgress } from './rebuild-progress';

export interface RebuildProjectionOptions {
  eventStore: EventStore;
  database: AnySqlDatabase;
  /** Events read and applied per transaction. */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildResult {
  processed: number;
  checkpoint: Checkpoint;
}

/**
 * Empties the projection's tables, resets its checkpoint and replays `$all` from the beginning, one
 * page per transaction. Stop the live runner first: until the replay ends, readers see a partial
 * read model. A rebuild that dies half-way is resumed by the live runner from the saved checkpoint.
 */
export async function rebuildProjection(
  projection: Projection,
  { eventStore, database, batchSize = 500, onProgress }: RebuildProjectionOptions,
): Promise<RebuildResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const { checkpoints, context } = await prepareProjection(projection, database);

  await database.db.transaction().execute(async (trx) => {
    for (const table of projection.tables) await trx.deleteFrom(table).execute();
    await projection.reset?.(trx, context);
    await checkpoints.reset(projection.name, trx);
  });

  const headPosition = await eventStore.headPosition();
  let position: Checkpoint = 'start';
  let checkpoint: Checkpoint = 'start';
  let processed = 0;
  const report = (done: boolean) =>
    onProgress?.({ projection: projection.name, processed, position, headPosition, done });
  report(false);

  for (;;) {
    const page = await eventStore.readAll({
      direction: 'forwards',
      ...(position === 'start' ? {} : { after: position }),
      maxCount: batchSize,
      ...(projection.categories ? { categories: projection.categories } : {}),
    });
    if (page.length === 0) break;
    checkpoint = await applyEventsInTransaction(database.db, projection, checkpoints, context, page);
    processed += page.length;
    position = page[page.length - 1]!.position;
    if (page.length < batchSize) break;
    report(false);
  }
  report(true);
  return { processed, checkpoint };
}
