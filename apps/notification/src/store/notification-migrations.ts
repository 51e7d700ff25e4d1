import type { Generated } from 'kysely';
import { runMigrations, type AnySqlDatabase, type Migration } from '@quizbook/database';

/** Tables the notification app owns in the read database (its own migration history, owner `notification`). */
export interface NotificationTables {
  notification_sent_mail: {
    message_id: string;
    message_type: string;
    recipient: string;
    subject: string;
    mail_message_id: string;
    sent_at: string;
  };
  notification_send_failures: {
    id: Generated<number>;
    message_id: string;
    attempt: number;
    error: string;
    failed_at: string;
  };
  notification_recipients: { user_id: string; email: string; updated_at: string };
  notification_dev_mailbox: {
    id: Generated<number>;
    mail_message_id: string;
    mail_from: string;
    mail_to: string;
    subject: string;
    text_body: string;
    html_body: string;
    received_at: string;
  };
}

// Timestamps are ISO-8601 strings of one fixed width: they compare correctly as text on both dialects.
export const notificationMigrations: readonly Migration[] = [
  {
    name: '0001_create_notification_sent_mail',
    async up(db) {
      await db.schema
        .createTable('notification_sent_mail')
        .addColumn('message_id', 'varchar(191)', (col) => col.primaryKey())
        .addColumn('message_type', 'varchar(100)', (col) => col.notNull())
        .addColumn('recipient', 'varchar(320)', (col) => col.notNull())
        .addColumn('subject', 'varchar(998)', (col) => col.notNull())
        .addColumn('mail_message_id', 'varchar(500)', (col) => col.notNull())
        .addColumn('sent_at', 'varchar(32)', (col) => col.notNull())
        .execute();
    },
  },
  {
    name: '0002_create_notification_send_failures',
    async up(db) {
      await db.schema
        .createTable('notification_send_failures')
        .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
        .addColumn('message_id', 'varchar(191)', (col) => col.notNull())
        .addColumn('attempt', 'integer', (col) => col.notNull())
        .addColumn('error', 'text', (col) => col.notNull())
        .addColumn('failed_at', 'varchar(32)', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('notification_send_failures_message_idx')
        .on('notification_send_failures')
        .column('message_id')
        .execute();
    },
  },
  {
    name: '0003_create_notification_recipients',
    async up(db) {
      await db.schema
        .createTable('notification_recipients')
        .addColumn('user_id', 'varchar(191)', (col) => col.primaryKey())
        .addColumn('email', 'varchar(320)', (col) => col.notNull())
        .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
        .execute();
    },
  },
  {
    name: '0004_create_notification_dev_mailbox',
    async up(db) {
      await db.schema
        .createTable('notification_dev_mailbox')
        .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
        .addColumn('mail_message_id', 'varchar(191)', (col) => col.notNull().unique())
        .addColumn('mail_from', 'varchar(500)', (col) => col.notNull())
        .addColumn('mail_to', 'varchar(500)', (col) => col.notNull())
        .addColumn('subject', 'varchar(998)', (col) => col.notNull())
        .addColumn('text_body', 'text', (col) => col.notNull())
        .addColumn('html_body', 'text', (col) => col.notNull())
        .addColumn('received_at', 'varchar(32)', (col) => col.notNull())
        .execute();
    },
  },
];

export function migrateNotificationTables(readDb: AnySqlDatabase) {
  return runMigrations(readDb, 'notification', notificationMigrations);
}
