import type { RecordedEvent } from '@quizbook/eventstore';
import type { Kysely } from 'kysely';
import { type Checkpoint, isAfter } from '../checkpoints/checkpoint-position';
import type { CheckpointStore } from '../checkpoints/checkpoint-store';
import type { Projection, ProjectionContext } from './projection';

/**
 * Applies events (in position order) and moves the checkpoint to the last one, in one transaction.
 * Events at or before the stored checkpoint are skipped: a redelivery, or a second instance of the
 * same projection that got there first, changes nothing.
 */
export async function applyEventsInTransaction(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  projection: Projection,
  checkpoints: CheckpointStore,
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<Checkpoint> {
  return db.transaction().execute(async (trx) => {
    let checkpoint = await checkpoints.loadForUpdate(projection.name, trx);
    const start = checkpoint;
    for (const event of events) {
      if (!isAfter(event.position, checkpoint)) continue;
      await projection.handle(event, trx, context);
      checkpoint = event.position;
    }
    if (checkpoint !== start && checkpoint !== 'start')
      await checkpoints.save(projection.name, checkpoint, trx);
    return checkpoint;
  });
}
