import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { livePositionSchema, type LiveMessage } from '@quizbook/contracts';
import type { SqlDatabase } from '@quizbook/database';
import { READ_DATABASE, ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import type { LiveFeedTables } from './live-feed.tables';

const liveMessagesQuery = z.object({
  after: livePositionSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** What bff-web replays to a reconnecting socket: the caller's own messages after a position. */
@Controller('live/messages')
export class LiveMessagesController {
  constructor(@Inject(READ_DATABASE) private readonly database: SqlDatabase<LiveFeedTables>) {}

  @Get()
  async list(
    @Query(new ZodValidationPipe(liveMessagesQuery)) query: z.infer<typeof liveMessagesQuery>,
    @CurrentPrincipal() me: Principal,
  ): Promise<{ messages: LiveMessage[] }> {
    const rows = await this.database.db
      .selectFrom('qr_live_messages')
      .select(['position', 'type', 'data'])
      .where('user_id', '=', me.userId)
      .where('position', '>', query.after)
      .orderBy('position')
      .limit(query.limit)
      .execute();
    return {
      messages: rows.map(
        (row) =>
          ({ type: row.type, position: String(row.position), data: JSON.parse(row.data) }) as LiveMessage,
      ),
    };
  }
}
