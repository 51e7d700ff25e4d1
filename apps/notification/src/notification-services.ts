import type { SqlDatabase } from '@quizbook/database';
import { DevMailbox } from './mail/dev-mailbox';
import type { MailTransport } from './mail/mail-transport';
import { createSmtpTransport } from './mail/smtp-transport';
import { NotificationSender } from './sending/notification-sender';
import { RecipientDirectory } from './sending/recipient-directory';
import { SentMailLog } from './sending/sent-mail-log';
import { migrateNotificationTables, type NotificationTables } from './store/notification-migrations';
import { MailTemplates } from './templating/mail-templates';

export interface NotificationSettings {
  mailUrl: string;
  mailFrom: string;
  appPublicUrl: string;
}

export interface NotificationServices {
  sender: NotificationSender;
  sentLog: SentMailLog;
  transport: MailTransport;
  /** Only with MAIL_URL=devmailbox:; the /dev/mailbox routes answer 404 without it. */
  devMailbox: DevMailbox | undefined;
}

export interface NotificationServicesOptions {
  templatesDir?: string;
  smtpTimeoutMs?: number;
}

export async function createNotificationServices(
  readDb: SqlDatabase,
  settings: NotificationSettings,
  options: NotificationServicesOptions = {},
): Promise<NotificationServices> {
  await migrateNotificationTables(readDb);
  const tables = readDb as SqlDatabase<NotificationTables>;
  const templates = new MailTemplates(options.templatesDir);
  const devMailbox = settings.mailUrl === 'devmailbox:' ? new DevMailbox(tables) : undefined;
  const transport =
    devMailbox ??
    createSmtpTransport(settings.mailUrl, options.smtpTimeoutMs ? { timeoutMs: options.smtpTimeoutMs } : {});
  const sentLog = new SentMailLog(tables);
  const sender = new NotificationSender({
    transport,
    templates,
    sentLog,
    recipients: new RecipientDirectory(tables),
    from: settings.mailFrom,
    appPublicUrl: settings.appPublicUrl,
  });
  return { sender, sentLog, transport, devMailbox };
}
