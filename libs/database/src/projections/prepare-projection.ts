import { type CheckpointStore, openCheckpointStore } from '../checkpoints/checkpoint-store';
import { runMigrations } from '../migrations/run-migrations';
import type { AnySqlDatabase } from '../sql-database';
import type { Projection, ProjectionContext } from './projection';

export interface PreparedProjection {
  checkpoints: CheckpointStore;
  context: ProjectionContext;
}

/** Schema first, then the checkpoint row, so the first event has tables to write and a row to lock. */
export async function prepareProjection(
  projection: Projection,
  database: AnySqlDatabase,
): Promise<PreparedProjection> {
  await runMigrations(database, projection.name, projection.migrations);
  const checkpoints = await openCheckpointStore(database);
  await checkpoints.register(projection.name);
  return { checkpoints, context: { dialect: database.dialect } };
}
