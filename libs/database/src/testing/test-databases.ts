import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFreshMysqlDatabase, describeWithMysql } from '@quizbook/testing';
import type { SqlDialectName } from '../sql-database';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Each integration suite runs once per dialect: SQLite always, MariaDB when MYSQL_URL is set. */
export interface DialectUnderTest {
  dialect: SqlDialectName;
  describe: jest.Describe;
  fresh(): Promise<FreshDatabase>;
}

export const dialectsUnderTest: readonly DialectUnderTest[] = [
  {
    dialect: 'sqlite',
    describe,
    // A file rather than :memory:, so a second handle (a second "process") sees the same database.
    async fresh() {
      const dir = await mkdtemp(path.join(tmpdir(), 'qb-database-'));
      return {
        url: `sqlite:${path.join(dir, 'test.db')}`,
        drop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  { dialect: 'mysql', describe: describeWithMysql, fresh: () => createFreshMysqlDatabase('qb_database') },
];
