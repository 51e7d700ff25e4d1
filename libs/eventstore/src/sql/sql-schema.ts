import { sql } from 'kysely';
import type { SqlDatabase } from '@quizbook/database';

/**
 * Integer columns come back as strings from mysql2 (bigNumberStrings) and as numbers from better-sqlite3;
 * both drivers accept bigint parameters. Convert with BigInt() when reading.
 */
export type SqlInteger = bigint | number | string;

export interface EventRow {
  /** Global, contiguous from 0, assigned under the position lock. */
  position: SqlInteger;
  stream_name: string;
  revision: SqlInteger;
  event_id: string;
  /** Stream name up to the first '-', stored so the category filter can use an index. */
  category: string;
  type: string;
  /** JSON text. */
  data: string;
  /** JSON text. */
  metadata: string;
  /** Epoch milliseconds. */
  created_at: SqlInteger;
}

export interface PositionCounterRow {
  id: number;
  /** The position the next appended event gets. */
  next_position: SqlInteger;
}

export const eventsTable = 'event_store_events';
export const positionTable = 'event_store_position';
export const positionCounterId = 1;

export interface EventStoreSchema {
  [eventsTable]: EventRow;
  [positionTable]: PositionCounterRow;
}

export type EventStoreDatabase = SqlDatabase<EventStoreSchema>;

const mysqlStatements = [
  `CREATE TABLE IF NOT EXISTS ${eventsTable} (
    position BIGINT NOT NULL,
    stream_name VARCHAR(200) NOT NULL,
    revision BIGINT NOT NULL,
    event_id VARCHAR(200) NOT NULL,
    category VARCHAR(200) NOT NULL,
    type VARCHAR(200) NOT NULL,
    data LONGTEXT NOT NULL,
    metadata LONGTEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (position),
    UNIQUE KEY ${eventsTable}_stream_revision (stream_name, revision),
    UNIQUE KEY ${eventsTable}_event_id (event_id),
    KEY ${eventsTable}_category_position (category, position)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  `CREATE TABLE IF NOT EXISTS ${positionTable} (
    id INT NOT NULL PRIMARY KEY,
    next_position BIGINT NOT NULL
  ) ENGINE=InnoDB`,
  `INSERT IGNORE INTO ${positionTable} (id, next_position) VALUES (${positionCounterId}, 0)`,
];

const sqliteStatements = [
  `CREATE TABLE IF NOT EXISTS ${eventsTable} (
    position INTEGER NOT NULL PRIMARY KEY,
    stream_name TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    category TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${eventsTable}_stream_revision ON ${eventsTable} (stream_name, revision)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${eventsTable}_event_id ON ${eventsTable} (event_id)`,
  `CREATE INDEX IF NOT EXISTS ${eventsTable}_category_position ON ${eventsTable} (category, position)`,
  `CREATE TABLE IF NOT EXISTS ${positionTable} (
    id INTEGER NOT NULL PRIMARY KEY,
    next_position INTEGER NOT NULL
  )`,
  `INSERT OR IGNORE INTO ${positionTable} (id, next_position) VALUES (${positionCounterId}, 0)`,
];

/** Idempotent, run at every open: several processes may open the same store at once. */
export async function createEventStoreSchema(database: EventStoreDatabase): Promise<void> {
  const statements = database.dialect === 'mysql' ? mysqlStatements : sqliteStatements;
  for (const statement of statements) {
    await sql.raw(statement).execute(database.db);
  }
}
