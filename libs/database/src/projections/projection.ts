import type { RecordedEvent } from '@quizbook/eventstore';
import type { Kysely } from 'kysely';
import { type Migration, migrationTablesFor } from '../migrations/migration';
import type { SqlDialectName } from '../sql-database';

export interface ProjectionContext {
  /** For the few statements that differ between MySQL and SQLite (upserts). */
  dialect: SqlDialectName;
}

/**
 * A read model fed from `$all`. The runner calls `handle` inside the transaction that also advances
 * the checkpoint, so `handle` must write through `trx` only: a write through another handle would
 * escape the rollback (and on SQLite would wait on the transaction forever).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a projection's own table types
export interface Projection<DB = any> {
  /** Names the checkpoint and the migration tables: lower-case letters, digits, underscores. */
  readonly name: string;
  /** Stream categories (`course` for `course-123`) to receive; all events when absent. */
  readonly categories?: readonly string[];
  readonly migrations: readonly Migration[];
  /** Tables whose rows a rebuild deletes before replaying. */
  readonly tables: readonly string[];
  /** Extra clean-up for a rebuild (rows shared with other owners, files...), in the rebuild's transaction. */
  reset?(trx: Kysely<DB>, context: ProjectionContext): Promise<void>;
  handle(event: RecordedEvent, trx: Kysely<DB>, context: ProjectionContext): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineProjection<DB = any>(projection: Projection<DB>): Projection<DB> {
  // Fails at import, not at the first event, when the name cannot name tables.
  migrationTablesFor(projection.name);
  if (projection.categories?.length === 0) {
    throw new Error(`projection ${projection.name}: categories is empty, so it would never receive an event`);
  }
  return Object.freeze({ ...projection });
}
