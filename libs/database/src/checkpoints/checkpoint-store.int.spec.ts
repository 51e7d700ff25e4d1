import { openSqlDatabase, type SqlDatabase } from '../sql-database';
import { dialectsUnderTest, type FreshDatabase } from '../testing/test-databases';
import { type CheckpointStore, openCheckpointStore } from './checkpoint-store';

class Rollback extends Error {}

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`checkpoint store on ${dialect}`, () => {
    let target: FreshDatabase;
    let database: SqlDatabase<unknown>;
    let checkpoints: CheckpointStore;

    beforeEach(async () => {
      target = await fresh();
      database = await openSqlDatabase(target.url);
      checkpoints = await openCheckpointStore(database);
    });
    afterEach(async () => {
      await database.close();
      await target.drop();
    });

    it('starts from the beginning for a consumer it has never seen', async () => {
      expect(await checkpoints.load('unknown')).toBe('start');
    });

    it('keeps a position saved in a committed transaction, exactly, past 2^53', async () => {
      await database.db.transaction().execute((trx) => checkpoints.save('p', 9007199254740993n, trx));
      expect(await checkpoints.load('p')).toBe(9007199254740993n);
    });

    it('forgets a position saved in a transaction that rolled back', async () => {
      await database.db.transaction().execute((trx) => checkpoints.save('p', 3n, trx));
      await expect(
        database.db.transaction().execute(async (trx) => {
          await checkpoints.save('p', 4n, trx);
          throw new Rollback();
        }),
      ).rejects.toThrow(Rollback);
      expect(await checkpoints.load('p')).toBe(3n);
    });

    it('registers without overwriting, and resets to the beginning', async () => {
      await database.db.transaction().execute((trx) => checkpoints.save('p', 7n, trx));
      await checkpoints.register('p');
      expect(await checkpoints.load('p')).toBe(7n);
      await checkpoints.reset('p');
      expect(await checkpoints.load('p')).toBe('start');
    });

    it('opens again on a database that has the table already', async () => {
      const again = await openCheckpointStore(database);
      expect(await again.load('unknown')).toBe('start');
    });
  });
}
