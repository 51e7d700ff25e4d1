import { type Kysely, sql } from 'kysely';
import { openSqlDatabase, type SqlDatabase } from '../sql-database';
import { dialectsUnderTest, type FreshDatabase } from '../testing/test-databases';
import type { Migration } from './migration';
import { MigrationFailedError, runMigrations } from './run-migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const createRuns: Migration = {
  name: '0001_create_runs',
  async up(db) {
    await db.schema
      .createTable('runs')
      .addColumn('id', 'varchar(50)', (col) => col.primaryKey())
      .execute();
  },
};
// Records each time it runs, so a migration run twice shows as a duplicate key error or two rows.
const recordRun = (name: string): Migration => ({
  name,
  async up(db) {
    await db.insertInto('runs').values({ id: name }).execute();
  },
});
const runIds = async (db: AnyDb) =>
  (await db.selectFrom('runs').select('id').orderBy('id').execute()).map((row) => row.id as string);

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`runMigrations on ${dialect}`, () => {
    let target: FreshDatabase;
    let database: SqlDatabase<unknown>;
    const db = () => database.db as AnyDb;

    beforeEach(async () => {
      target = await fresh();
      database = await openSqlDatabase(target.url);
    });
    afterEach(async () => {
      await database.close();
      await target.drop();
    });

    it('runs each migration once and does nothing on the next start', async () => {
      const migrations = [createRuns, recordRun('0002_first')];
      expect(await runMigrations(database, 'course', migrations)).toEqual({
        applied: ['0001_create_runs', '0002_first'],
      });
      expect(await runMigrations(database, 'course', migrations)).toEqual({ applied: [] });
      expect(await runIds(db())).toEqual(['0002_first']);
    });

    it('runs only the migrations added since the last start', async () => {
      await runMigrations(database, 'course', [createRuns, recordRun('0002_first')]);
      const next = await runMigrations(database, 'course', [
        createRuns,
        recordRun('0002_first'),
        recordRun('0003_second'),
      ]);
      expect(next.applied).toEqual(['0003_second']);
      expect(await runIds(db())).toEqual(['0002_first', '0003_second']);
    });

    it('keeps owners sharing a database apart, even with the same migration names', async () => {
      await runMigrations(database, 'course', [createRuns]);
      const other = await runMigrations(database, 'payment', [
        {
          name: '0001_create_runs',
          async up(db) {
            await db.schema.createTable('payment_runs').addColumn('id', 'integer').execute();
          },
        },
      ]);
      expect(other.applied).toEqual(['0001_create_runs']);
      const tables = (await db().introspection.getTables({ withInternalKyselyTables: true })).map(
        (t) => t.name,
      );
      expect(tables).toEqual(
        expect.arrayContaining([
          'kysely_migration_course',
          'kysely_migration_payment',
          'payment_runs',
          'runs',
        ]),
      );
    });

    it('reports the failing migration, and runs it again once fixed', async () => {
      const broken: Migration = {
        name: '0002_broken',
        async up(db) {
          await db.insertInto('runs').values({ id: 'before-failure' }).execute();
          await db.insertInto('no_such_table').values({ id: 1 }).execute();
        },
      };
      const attempt = runMigrations(database, 'course', [createRuns, broken]);
      await expect(attempt).rejects.toThrow(MigrationFailedError);
      await expect(attempt).rejects.toMatchObject({ owner: 'course', migrationName: '0002_broken' });

      const fixed = await runMigrations(database, 'course', [createRuns, recordRun('0002_broken')]);
      // SQLite rolls the whole failed run back; MySQL keeps what its DDL auto-committed.
      expect(fixed.applied).toEqual(
        dialect === 'sqlite' ? ['0001_create_runs', '0002_broken'] : ['0002_broken'],
      );
      expect(await runIds(db())).toEqual(
        dialect === 'sqlite' ? ['0002_broken'] : ['0002_broken', 'before-failure'],
      );
    });

    it('runs each migration once when two processes start at the same time', async () => {
      const second = await openSqlDatabase(target.url);
      try {
        // In one process better-sqlite3 would block the thread (and so the other handle) for the whole
        // busy_timeout; a real second process would simply wait. Failing fast exercises the retry instead.
        if (dialect === 'sqlite') {
          for (const handle of [database, second]) await sql`pragma busy_timeout = 0`.execute(handle.db);
        }
        const migrations = [createRuns, recordRun('0002_first'), recordRun('0003_second')];
        const [a, b] = await Promise.all([
          runMigrations(database, 'course', migrations),
          runMigrations(second, 'course', migrations),
        ]);
        expect([...a.applied, ...b.applied].sort()).toEqual([
          '0001_create_runs',
          '0002_first',
          '0003_second',
        ]);
        expect(await runIds(db())).toEqual(['0002_first', '0003_second']);
      } finally {
        await second.close();
      }
    });
  });
}
