import type { SqlDatabase } from '@quizbook/database';
import type { NotificationTables } from '../store/notification-migrations';

export class RecipientUnknownError extends Error {
  override readonly name = 'RecipientUnknownError';
  constructor(readonly userId: string) {
    super(`no email known for user ${userId} yet (no WelcomeEmailRequested seen); retrying`);
  }
}

/**
 * userId -> email, learnt from the messages that carry both (WelcomeEmailRequested first of all), for
 * the messages that name only the user. Kept here rather than read from the user app's tables, which
 * belong to the user app; a message that arrives before the user's welcome fails and is retried.
 */
export class RecipientDirectory {
  constructor(private readonly readDb: SqlDatabase<NotificationTables>) {}

  async remember(userId: string, email: string): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.readDb.db
      .insertInto('notification_recipients')
      .values({ user_id: userId, email, updated_at: updatedAt })
      .$call((insert) =>
        this.readDb.dialect === 'mysql'
          ? insert.onDuplicateKeyUpdate({ email, updated_at: updatedAt })
          : insert.onConflict((conflict) =>
              conflict.column('user_id').doUpdateSet({ email, updated_at: updatedAt }),
            ),
      )
      .execute();
  }

  async emailOf(userId: string): Promise<string> {
    const row = await this.readDb.db
      .selectFrom('notification_recipients')
      .select('email')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw new RecipientUnknownError(userId);
    return row.email;
  }
}
