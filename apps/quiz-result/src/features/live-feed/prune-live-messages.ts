import type { AnySqlDatabase } from '@quizbook/database';
import type { Kysely } from 'kysely';
import type { LiveFeedTables } from './live-feed.tables';

/**
 * How long live messages stay replayable. A client resuming from an older position gets what
 * remains; anything that old is in the read APIs (orders, attempts, scoreboards) anyway.
 */
export const liveMessageRetentionMs = 7 * 24 * 60 * 60 * 1000;

export async function pruneLiveMessages(database: AnySqlDatabase, now: Date): Promise<number> {
  const db = database.db as Kysely<LiveFeedTables>;
  const cutoff = new Date(now.getTime() - liveMessageRetentionMs).toISOString();
  const result = await db.deleteFrom('qr_live_messages').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
