import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { AnySqlDatabase } from '../sql-database';
import { assertValidMigrationList, type Migration, migrationTablesFor } from './migration';

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly owner: string,
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `migrations of ${owner} failed${migrationName ? ` at "${migrationName}"` : ''}: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
  }
}

export interface RunMigrationsResult {
  /** The migrations this call ran: empty when another process (or an earlier start) ran them already. */
  applied: string[];
}

/**
 * Brings the owner's tables up to date. Idempotent, and safe when several processes start at once:
 * on MySQL Kysely's migrator holds a GET_LOCK for the run; on SQLite the run happens in one
 * BEGIN IMMEDIATE transaction, which both serialises writers across processes and rolls back a
 * half-applied migration.
 */
export async function runMigrations(
  database: AnySqlDatabase,
  owner: string,
  migrations: readonly Migration[],
): Promise<RunMigrationsResult> {
  const tables = migrationTablesFor(owner);
  assertValidMigrationList(owner, migrations);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const migrate = (db: Kysely<any>) =>
    new Migrator({
      db,
      migrationTableName: tables.migrationTable,
      migrationLockTableName: tables.lockTable,
      provider: { getMigrations: async () => Object.fromEntries(migrations.map((m) => [m.name, m])) },
    }).migrateToLatest();

  const resultSet =
    database.dialect === 'sqlite'
      ? await migrateSqliteExclusively(database.db, migrate)
      : await migrate(database.db);
  return toResult(owner, resultSet);
}

function toResult(owner: string, { error, results = [] }: MigrationResultSet): RunMigrationsResult {
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationFailedError(owner, failed?.migrationName, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

const busyRetries = 50;

/**
 * Kysely's SQLite adapter takes no lock and no transaction, so two processes starting together
 * would both run the same migration. BEGIN IMMEDIATE takes the database's write lock up front.
 */
async function migrateSqliteExclusively(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  migrate: (db: Kysely<any>) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    await beginImmediate(connection);
    let resultSet: MigrationResultSet;
    try {
      resultSet = await migrate(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await sql.raw(resultSet.error === undefined ? 'commit' : 'rollback').execute(connection);
    return resultSet;
  });
}

// busy_timeout already waits for another process; this retry also covers a second connection in the
// same process (tests), which busy_timeout cannot wait for because better-sqlite3 blocks the thread.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function beginImmediate(connection: Kysely<any>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`begin immediate`.execute(connection);
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= busyRetries) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * attempt, 200)));
    }
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
