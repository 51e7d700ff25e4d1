import { openSqlDatabase, runMigrations, type SqlDatabase } from '@quizbook/database';
import {
  dialectsUnderTest,
  type FreshDatabase,
} from '../../../../../libs/database/src/testing/test-databases';
import { liveFeedProjection } from './live-feed.projection';
import type { LiveFeedTables } from './live-feed.tables';
import { liveMessageRetentionMs, pruneLiveMessages } from './prune-live-messages';

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`live message retention on ${dialect}`, () => {
    let target: FreshDatabase;
    let database: SqlDatabase<LiveFeedTables>;

    beforeEach(async () => {
      target = await fresh();
      database = await openSqlDatabase<LiveFeedTables>(target.url);
      const projection = liveFeedProjection();
      await runMigrations(database, projection.name, projection.migrations);
    });
    afterEach(async () => {
      await database.close();
      await target.drop();
    });

    it('prunes messages older than the retention period and keeps the rest', async () => {
      const now = new Date('2030-01-10T12:00:00.000Z');
      const row = (position: number, createdAt: Date) => ({
        user_id: 'ann',
        position: String(position),
        type: 'order.status',
        data: '{"orderId":"o1","status":"paid"}',
        created_at: createdAt.toISOString(),
      });
      await database.db
        .insertInto('qr_live_messages')
        .values([
          row(1, new Date(now.getTime() - liveMessageRetentionMs - 1)),
          row(2, new Date(now.getTime() - liveMessageRetentionMs + 60_000)),
          row(3, now),
        ])
        .execute();
      expect(await pruneLiveMessages(database, now)).toBe(1);
      const left = await database.db
        .selectFrom('qr_live_messages')
        .select('position')
        .orderBy('position')
        .execute();
      expect(left.map((kept) => String(kept.position))).toEqual(['2', '3']);
    });
  });
}
