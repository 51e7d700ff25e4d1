import { type Kysely, sql } from 'kysely';
import { runMigrations } from '../migrations/run-migrations';
import type { AnySqlDatabase, SqlDialectName } from '../sql-database';
import { checkpointMigrations, checkpointsOwner } from './checkpoint-migrations';
import { type Checkpoint, checkpointFromColumn, positionToColumn } from './checkpoint-position';

export interface CheckpointsTable {
  projection_checkpoints: {
    name: string;
    position: string | number | null;
    updated_at: string;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers pass a handle on their own schema
type AnyDb = Kysely<any>;

/**
 * Where each consumer of `$all` keeps the position it has applied. `save` and `loadForUpdate` take
 * the caller's transaction, so the read-model change and the checkpoint commit or vanish together.
 */
export interface CheckpointStore {
  load(name: string, db?: AnyDb): Promise<Checkpoint>;
  /** Inside a transaction: reads the checkpoint and, on MySQL, locks it until commit (one writer per name). */
  loadForUpdate(name: string, trx: AnyDb): Promise<Checkpoint>;
  save(name: string, position: bigint, trx: AnyDb): Promise<void>;
  /** Makes the row exist (at `start` when new), so `loadForUpdate` always has a row to lock. */
  register(name: string): Promise<void>;
  /** Back to `start`, for a rebuild. */
  reset(name: string, trx?: AnyDb): Promise<void>;
}

export async function openCheckpointStore(database: AnySqlDatabase): Promise<CheckpointStore> {
  await runMigrations(database, checkpointsOwner, checkpointMigrations);
  return createCheckpointStore(database.db, database.dialect);
}

function createCheckpointStore(defaultDb: AnyDb, dialect: SqlDialectName): CheckpointStore {
  const table = (db: AnyDb) => db as Kysely<CheckpointsTable>;
  const now = () => new Date().toISOString();

  // As text: better-sqlite3 returns a BIGINT as a JS number, which is inexact past 2^53.
  const selectPosition = (db: AnyDb, name: string) =>
    table(db)
      .selectFrom('projection_checkpoints')
      .select(sql<string | null>`cast(position as char)`.as('position'))
      .where('name', '=', name);

  const upsert = async (db: AnyDb, name: string, position: string | null) => {
    const row = { name, position, updated_at: now() };
    const insert = table(db).insertInto('projection_checkpoints').values(row);
    const update = { position, updated_at: row.updated_at };
    await (
      dialect === 'mysql'
        ? insert.onDuplicateKeyUpdate(update)
        : insert.onConflict((conflict) => conflict.column('name').doUpdateSet(update))
    ).execute();
  };

  return {
    async load(name, db = defaultDb) {
      const row = await selectPosition(db, name).executeTakeFirst();
      return checkpointFromColumn(row?.position);
    },
    async loadForUpdate(name, trx) {
      // SQLite has one writer at a time already, and no FOR UPDATE.
      const query = selectPosition(trx, name);
      const row = await (dialect === 'mysql' ? query.forUpdate() : query).executeTakeFirst();
      return checkpointFromColumn(row?.position);
    },
    async save(name, position, trx) {
      await upsert(trx, name, positionToColumn(position));
    },
    async register(name) {
      const insert = table(defaultDb)
        .insertInto('projection_checkpoints')
        .values({ name, position: null, updated_at: now() });
      await (dialect === 'mysql' ? insert.ignore() : insert.onConflict((c) => c.doNothing())).execute();
    },
    async reset(name, trx = defaultDb) {
      await upsert(trx, name, null);
    },
  };
}
