import type { SqlDatabase } from '@quizbook/database';
import type { NotificationTables } from '../store/notification-migrations';
import type { MailTransport } from './mail-transport';
import type { OutgoingMail } from './outgoing-mail';

export interface MailboxEntry {
  id: number;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  receivedAt: string;
}

export interface StoredMail extends MailboxEntry {
  text: string;
  html: string;
}

/**
 * MAIL_URL=devmailbox: keeps every email in the read database instead of sending it, for
 * GET /dev/mailbox. Keyed by Message-ID, so a redelivered message stores one mail even if it gets
 * past the sent-mail log.
 */
export class DevMailbox implements MailTransport {
  readonly kind = 'devmailbox';

  constructor(private readonly readDb: SqlDatabase<NotificationTables>) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.readDb.db
      .insertInto('notification_dev_mailbox')
      .orIgnore()
      .values({
        mail_message_id: mail.messageId,
        mail_from: mail.from,
        mail_to: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        received_at: new Date().toISOString(),
      })
      .execute();
  }

  async list(limit = 100): Promise<MailboxEntry[]> {
    const rows = await this.readDb.db
      .selectFrom('notification_dev_mailbox')
      .select(['id', 'mail_message_id', 'mail_from', 'mail_to', 'subject', 'received_at'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      messageId: row.mail_message_id,
      from: row.mail_from,
      to: row.mail_to,
      subject: row.subject,
      receivedAt: row.received_at,
    }));
  }

  async get(id: number): Promise<StoredMail | undefined> {
    const row = await this.readDb.db
      .selectFrom('notification_dev_mailbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: Number(row.id),
      messageId: row.mail_message_id,
      from: row.mail_from,
      to: row.mail_to,
      subject: row.subject,
      receivedAt: row.received_at,
      text: row.text_body,
      html: row.html_body,
    };
  }

  async close(): Promise<void> {}
}
