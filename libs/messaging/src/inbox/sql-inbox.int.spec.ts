import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlDatabase, type SqlDatabase } from '../../../database/src/sql-database';
import {
  createFreshMysqlDatabase,
  describeWithMysql,
  type FreshMysqlDatabase,
} from '../../../testing/src/environment/integration-services';
import { createMemoryMessageBus } from '../memory/memory-message-bus';
import { SqlInbox } from './sql-inbox';

interface CounterSchema {
  counters: { name: string; value: number };
}

function inboxSuite(
  dialect: string,
  openDatabase: () => Promise<{ database: SqlDatabase<CounterSchema>; cleanUp(): Promise<void> }>,
) {
  describe(`SQL inbox on ${dialect}`, () => {
    let database: SqlDatabase<CounterSchema>;
    let cleanUp: () => Promise<void>;
    let inbox: SqlInbox<CounterSchema>;

    beforeEach(async () => {
      ({ database, cleanUp } = await openDatabase());
      await database.db.schema
        .createTable('counters')
        .addColumn('name', 'varchar(50)', (column) => column.primaryKey())
        .addColumn('value', 'integer', (column) => column.notNull())
        .execute();
      await database.db.insertInto('counters').values({ name: 'seats', value: 0 }).execute();
      inbox = await SqlInbox.open(database.db);
    });

    afterEach(async () => {
      await database.close();
      await cleanUp();
    });

    const increment =
      (by = 1) =>
      async (trx: Parameters<Parameters<SqlInbox<CounterSchema>['handleOnce']>[2]>[0]) => {
        await trx
          .updateTable('counters')
          .set((eb) => ({ value: eb('value', '+', by) }))
          .where('name', '=', 'seats')
          .execute();
      };
    const seats = async () =>
      Number(
        (
          await database.db
            .selectFrom('counters')
            .select('value')
            .where('name', '=', 'seats')
            .executeTakeFirstOrThrow()
        ).value,
      );

    it('runs the effect once for 20 deliveries of one message, one after another', async () => {
      const outcomes = [];
      for (let delivery = 0; delivery < 20; delivery += 1)
        outcomes.push(await inbox.handleOnce('seat-counter', { id: 'm-1' }, increment()));
      expect(await seats()).toBe(1);
      expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(1);
    });

    it('runs the effect once for 20 concurrent deliveries of one message', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => inbox.handleOnce('seat-counter', { id: 'm-1' }, increment())),
      );
      expect(await seats()).toBe(1);
      expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(1);
    });

    it('runs the effect once when concurrent duplicates race a delivery whose effect fails', async () => {
      let failedOnce = false;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          inbox.handleOnce('seat-counter', { id: 'm-1' }, async (trx) => {
            await increment()(trx);
            if (!failedOnce) {
              failedOnce = true;
              throw new Error('first delivery fails after its update');
            }
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
      expect(await seats()).toBe(1);
    });

    it('records nothing when the effect fails, so the retry runs the effect', async () => {
      await expect(
        inbox.handleOnce('seat-counter', { id: 'm-1' }, async (trx) => {
          await increment()(trx);
          throw new Error('mail server down');
        }),
      ).rejects.toThrow('mail server down');
      expect(await seats()).toBe(0);
      expect(await inbox.hasProcessed('seat-counter', 'm-1')).toBe(false);

      expect(await inbox.handleOnce('seat-counter', { id: 'm-1' }, increment())).toBe('handled');
      expect(await seats()).toBe(1);
      expect(await inbox.hasProcessed('seat-counter', 'm-1')).toBe(true);
    });

    it('keeps consumers apart: the same message is handled once per consumer name', async () => {
      await inbox.handleOnce('seat-counter', { id: 'm-1' }, increment(1));
      await inbox.handleOnce('audit', { id: 'm-1' }, increment(10));
      await inbox.handleOnce('audit', { id: 'm-1' }, increment(10));
      expect(await seats()).toBe(11);
    });

    it('creating the table again is harmless', async () => {
      await inbox.handleOnce('seat-counter', { id: 'm-1' }, increment());
      await (await SqlInbox.open(database.db)).ensureTable();
      expect(await inbox.handleOnce('seat-counter', { id: 'm-1' }, increment())).toBe('duplicate');
      expect(await seats()).toBe(1);
    });

    it('makes a bus handler idempotent when the publisher repeats a message', async () => {
      const bus = createMemoryMessageBus();
      let deliveries = 0;
      await bus.consume({
        topic: 'seats',
        group: 'counter',
        handler: async (message) => {
          deliveries += 1;
          await inbox.handleOnce('seat-counter', message, increment());
        },
      });
      const repeated = { id: 'reserve-1', type: 'SeatReserved', key: 'course-1', payload: {} };
      await bus.publish('seats', [repeated, repeated, repeated]);
      await bus.publish('seats', repeated);
      while (deliveries < 4) await new Promise((resolve) => setTimeout(resolve, 5));
      await bus.close();
      expect(await seats()).toBe(1);
    });
  });
}

inboxSuite('SQLite', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'qb-inbox-'));
  const database = await openSqlDatabase<CounterSchema>(`sqlite:${path.join(directory, 'inbox.db')}`);
  return { database, cleanUp: async () => rmSync(directory, { recursive: true, force: true }) };
});

describeWithMysql('with MariaDB/MySQL', () => {
  inboxSuite('MySQL', async () => {
    const fresh: FreshMysqlDatabase = await createFreshMysqlDatabase('qb_inbox');
    const database = await openSqlDatabase<CounterSchema>(fresh.url, { poolSize: 10 });
    return { database, cleanUp: () => fresh.drop() };
  });
});
