import { describeError } from '@quizbook/messaging';
import type { SqlDatabase } from '@quizbook/database';
import type { NotificationTables } from '../store/notification-migrations';

export interface SentMail {
  messageId: string;
  messageType: string;
  recipient: string;
  subject: string;
  mailMessageId: string;
}

export interface SendFailure {
  messageId: string;
  attempt: number;
  error: string;
  failedAt: string;
}

/** One row per bus message whose email went out, keyed by the bus message id; and every failed try. */
export class SentMailLog {
  constructor(private readonly readDb: SqlDatabase<NotificationTables>) {}

  async wasSent(messageId: string): Promise<boolean> {
    const row = await this.readDb.db
      .selectFrom('notification_sent_mail')
      .select('message_id')
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async recordSent(mail: SentMail): Promise<void> {
    await this.readDb.db
      .insertInto('notification_sent_mail')
      .orIgnore()
      .values({
        message_id: mail.messageId,
        message_type: mail.messageType,
        recipient: mail.recipient,
        subject: mail.subject,
        mail_message_id: mail.mailMessageId,
        sent_at: new Date().toISOString(),
      })
      .execute();
  }

  async recordFailure(messageId: string, attempt: number, error: unknown): Promise<void> {
    await this.readDb.db
      .insertInto('notification_send_failures')
      .values({
        message_id: messageId,
        attempt,
        error: describeError(error),
        failed_at: new Date().toISOString(),
      })
      .execute();
  }

  async failuresOf(messageId: string): Promise<SendFailure[]> {
    const rows = await this.readDb.db
      .selectFrom('notification_send_failures')
      .select(['message_id', 'attempt', 'error', 'failed_at'])
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      messageId: row.message_id,
      attempt: Number(row.attempt),
      error: row.error,
      failedAt: row.failed_at,
    }));
  }

  async sent(): Promise<SentMail[]> {
    const rows = await this.readDb.db.selectFrom('notification_sent_mail').selectAll().execute();
    return rows.map((row) => ({
      messageId: row.message_id,
      messageType: row.message_type,
      recipient: row.recipient,
      subject: row.subject,
      mailMessageId: row.mail_message_id,
    }));
  }
}
