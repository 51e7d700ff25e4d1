import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { notificationsTopic, WelcomeEmailRequested } from '@quizbook/contracts';
import { openSqlDatabase, type SqlDatabase } from '@quizbook/database';
import { createMemoryMessageBus, type Consumer, type MessageBus } from '@quizbook/messaging';
import { DevMailbox } from '../mail/dev-mailbox';
import type { MailTransport } from '../mail/mail-transport';
import { createSmtpTransport } from '../mail/smtp-transport';
import { migrateNotificationTables, type NotificationTables } from '../store/notification-migrations';
import { MailTemplates } from '../templating/mail-templates';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { waitUntil } from '../testing/wait-until';
import { startNotificationConsumer } from './notification-consumer';
import { NotificationSender } from './notification-sender';
import { RecipientDirectory } from './recipient-directory';
import { SentMailLog, type SentMail } from './sent-mail-log';

/** A log whose first write fails: what a crash right after the SMTP server accepted the mail looks like. */
class LogFailingOnce extends SentMailLog {
  private failed = false;
  override async recordSent(mail: SentMail): Promise<void> {
    if (!this.failed) {
      this.failed = true;
      throw new Error('crashed after the send');
    }
    await super.recordSent(mail);
  }
}

describe('a failure between the send and the sent-mail log (the at-least-once window)', () => {
  let dir: string;
  let readDb: SqlDatabase<NotificationTables>;
  let bus: MessageBus;
  let consumer: Consumer | undefined;
  let log: LogFailingOnce;
  const smtp = new SmtpTestServer();

  const startWith = async (transport: MailTransport) => {
    log = new LogFailingOnce(readDb);
    const sender = new NotificationSender({
      transport,
      templates: new MailTemplates(),
      sentLog: log,
      recipients: new RecipientDirectory(readDb),
      from: 'Quizbook <no-reply@quizbook.local>',
      appPublicUrl: 'https://quizbook.example',
    });
    consumer = await startNotificationConsumer({
      bus,
      sender,
      retry: { initialBackoffMs: 5, maxBackoffMs: 20 },
    });
    await bus.publish(notificationsTopic, {
      id: 'm-crash',
      type: WelcomeEmailRequested.type,
      key: 'u-1',
      payload: { userId: 'u-1', email: 'ada@example.com', name: 'Ada' },
    });
    await waitUntil(() => log.wasSent('m-crash'), 'the redelivery to be logged');
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qb-notification-'));
    readDb = await openSqlDatabase(`sqlite:${path.join(dir, 'read.db')}`);
    await migrateNotificationTables(readDb);
    bus = createMemoryMessageBus();
  });
  afterEach(async () => {
    await consumer?.close();
    await bus.close();
    await smtp.stop();
    await readDb.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('over SMTP sends the email again on redelivery, with the same Message-ID', async () => {
    smtp.received.length = 0;
    await smtp.start(0);
    const transport = createSmtpTransport(smtp.url);
    await startWith(transport);
    await transport.close();

    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.map((mail) => mail.headers['message-id'])).toEqual([
      '<m-crash@quizbook.local>',
      '<m-crash@quizbook.local>',
    ]);
  });

  it('in the dev mailbox stores it once: the mailbox is keyed by Message-ID', async () => {
    const mailbox = new DevMailbox(readDb);
    await startWith(mailbox);
    expect(await mailbox.list()).toHaveLength(1);
  });
});
