import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';

export type SqlDialectName = 'mysql' | 'sqlite';

/** One Kysely handle plus the dialect, for the few statements that differ (locks, upserts). */
export interface SqlDatabase<Schema = unknown> {
  readonly db: Kysely<Schema>;
  readonly dialect: SqlDialectName;
  readonly url: string;
  close(): Promise<void>;
}

export class UnsupportedDatabaseUrlError extends Error {
  override readonly name = 'UnsupportedDatabaseUrlError';
}

export function isSqlDatabaseUrl(url: string): boolean {
  return url.startsWith('mysql://') || url.startsWith('sqlite:');
}

/**
 * `mysql://user:pass@host:port/db` (MySQL or MariaDB through mysql2),
 * `sqlite:./relative/file.db`, `sqlite:/absolute/file.db` or `sqlite::memory:` (better-sqlite3).
 */
export async function openSqlDatabase<Schema = unknown>(
  url: string,
  options: { poolSize?: number } = {},
): Promise<SqlDatabase<Schema>> {
  if (url.startsWith('mysql://')) {
    const { createPool } = await import('mysql2');
    const pool = createPool({
      uri: url,
      connectionLimit: options.poolSize ?? 10,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: false,
      timezone: 'Z',
    });
    const db = new Kysely<Schema>({ dialect: new MysqlDialect({ pool }) });
    return { db, dialect: 'mysql', url, close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const file = url.slice('sqlite:'.length);
    const memory = file === ':memory:' || file === '';
    if (!memory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const database = new BetterSqlite3(memory ? ':memory:' : file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
    return { db, dialect: 'sqlite', url, close: () => db.destroy() };
  }
  throw new UnsupportedDatabaseUrlError(`expected a mysql:// or sqlite: URL, got "${redactUrl(url)}"`);
}

/** For logs and errors: never print a password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** For code that works on any owner's tables (migrations, checkpoints, projections). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema is the caller's
export type AnySqlDatabase = SqlDatabase<any>;
