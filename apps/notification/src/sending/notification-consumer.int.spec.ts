import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BookingConfirmedEmailRequested,
  notificationsTopic,
  RefundIssuedEmailRequested,
  WelcomeEmailRequested,
} from '@quizbook/contracts';
import { openSqlDatabase, type SqlDatabase } from '@quizbook/database';
import {
  createMemoryMessageBus,
  deadLetterHeaders,
  deadLetterTopic,
  type Consumer,
  type Message,
  type MessageBus,
  type RetryPolicy,
} from '@quizbook/messaging';
import { createNotificationServices, type NotificationServices } from '../notification-services';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { waitUntil } from '../testing/wait-until';
import { notificationGroup, startNotificationConsumer } from './notification-consumer';

const from = 'Quizbook <no-reply@quizbook.local>';

const welcome = (id: string, userId = 'u-1', email = 'ada@example.com') => ({
  id,
  type: WelcomeEmailRequested.type,
  key: userId,
  payload: WelcomeEmailRequested.create({ userId, email, name: 'Ada' }).data,
});

describe('the notification consumer', () => {
  let dir: string;
  let readDb: SqlDatabase;
  let bus: MessageBus;
  let services: NotificationServices;
  let consumer: Consumer | undefined;
  const smtp = new SmtpTestServer();

  const start = async (mailUrl: string, retry: Partial<RetryPolicy>) => {
    services = await createNotificationServices(
      readDb,
      { mailUrl, mailFrom: from, appPublicUrl: 'https://quizbook.example' },
      { smtpTimeoutMs: 2_000 },
    );
    consumer = await startNotificationConsumer({ bus, sender: services.sender, retry });
  };
  const withMessageId = (id: string) => (mail: { headers: Record<string, string> }) =>
    mail.headers['message-id'] === `<${id}@quizbook.local>`;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qb-notification-'));
    readDb = await openSqlDatabase(`sqlite:${path.join(dir, 'read.db')}`);
    bus = createMemoryMessageBus();
    smtp.received.length = 0;
    smtp.refusing = false;
    await smtp.start(0);
  });
  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
    await bus.close();
    await services?.transport.close();
    await smtp.stop();
    await readDb.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends one email for a message delivered twice', async () => {
    await start(smtp.url, { initialBackoffMs: 5, maxBackoffMs: 20 });
    await bus.publish(notificationsTopic, [welcome('m-1'), welcome('m-1'), welcome('m-2')]);
    await waitUntil(() => smtp.received.some(withMessageId('m-2')), 'the later message');
    await waitUntil(async () => (await services.sentLog.sent()).length === 2, 'the sent-mail log');

    expect(smtp.received.filter(withMessageId('m-1'))).toHaveLength(1);
    expect((await services.sentLog.sent()).map((sent) => sent.messageId).sort()).toEqual(['m-1', 'm-2']);
  });

  it('keeps retrying while the SMTP server is down and delivers once it is back', async () => {
    await start(smtp.url, { maxAttempts: 1_000, initialBackoffMs: 5, maxBackoffMs: 20 });
    const port = smtp.port;
    await smtp.stop();
    await bus.publish(notificationsTopic, welcome('m-down'));
    await waitUntil(async () => (await services.sentLog.failuresOf('m-down')).length >= 3, 'failed attempts');

    await smtp.start(port);
    await waitUntil(() => smtp.received.some(withMessageId('m-down')), 'the email after the outage');
    await waitUntil(async () => services.sentLog.wasSent('m-down'), 'the sent-mail log');
    expect(smtp.received.filter(withMessageId('m-down'))).toHaveLength(1);
    expect(smtp.received[0]!.headers['to']).toBe('ada@example.com');
  });

  it('dead-letters a message after the last failed attempt, with every failure recorded', async () => {
    const deadLetters: Message[] = [];
    await bus.consume({
      topic: deadLetterTopic(notificationsTopic, notificationGroup),
      group: 'spec',
      handler: async (message) => {
        deadLetters.push(message);
      },
    });
    smtp.refusing = true;
    await start(smtp.url, { maxAttempts: 3, initialBackoffMs: 5, maxBackoffMs: 20 });
    await bus.publish(notificationsTopic, welcome('m-refused'));
    await waitUntil(() => deadLetters.length === 1, 'the dead letter');

    expect(deadLetters[0]).toMatchObject({ id: 'm-refused', type: WelcomeEmailRequested.type });
    expect(deadLetters[0]!.headers[deadLetterHeaders.attempts]).toBe('3');
    expect(deadLetters[0]!.headers[deadLetterHeaders.error]).toMatch(/try again later/);
    const failures = await services.sentLog.failuresOf('m-refused');
    expect(failures.map((failure) => failure.attempt)).toEqual([1, 2, 3]);
    expect(failures[0]!.error).toMatch(/try again later/);
    expect(await services.sentLog.wasSent('m-refused')).toBe(false);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends to the email learnt from the welcome when a message names only the user', async () => {
    await start(smtp.url, { maxAttempts: 1_000, initialBackoffMs: 5, maxBackoffMs: 20 });
    const refund = {
      id: 'm-refund',
      type: RefundIssuedEmailRequested.type,
      key: 'o-1',
      payload: RefundIssuedEmailRequested.create({
        orderId: 'o-1',
        learnerId: 'u-9',
        amountCents: 1999,
        currency: 'EUR',
      }).data,
    };
    await bus.publish(notificationsTopic, refund);
    await waitUntil(
      async () => (await services.sentLog.failuresOf('m-refund')).length >= 1,
      'an unknown recipient',
    );
    await bus.publish(notificationsTopic, welcome('m-welcome-9', 'u-9', 'grace@example.com'));

    await waitUntil(() => smtp.received.some(withMessageId('m-refund')), 'the refund email');
    const mail = smtp.received.find(withMessageId('m-refund'))!;
    expect(mail.headers['to']).toBe('grace@example.com');
    expect(mail.subject).toBe('Refund of €19.99 for order o-1');
  });

  it('stores emails in the dev mailbox, newest first, once per message', async () => {
    await start('devmailbox:', { initialBackoffMs: 5, maxBackoffMs: 20 });
    const booking = {
      id: 'm-booking',
      type: BookingConfirmedEmailRequested.type,
      key: 'o-2',
      payload: BookingConfirmedEmailRequested.create({
        orderId: 'o-2',
        learnerId: 'u-1',
        email: 'ada@example.com',
        courses: [{ courseId: 'c-1', title: 'Algebra' }],
      }).data,
    };
    await bus.publish(notificationsTopic, welcome('m-welcome'));
    await waitUntil(async () => services.sentLog.wasSent('m-welcome'), 'the welcome email');
    await bus.publish(notificationsTopic, [booking, booking]);
    await waitUntil(async () => services.sentLog.wasSent('m-booking'), 'the booking email');

    const mailbox = services.devMailbox!;
    const list = await mailbox.list();
    expect(list.map((entry) => entry.subject)).toEqual([
      'Your booking is confirmed (order o-2)',
      'Welcome to Quizbook, Ada',
    ]);
    expect(list[0]).toMatchObject({ from, to: 'ada@example.com', messageId: '<m-booking@quizbook.local>' });
    const stored = await mailbox.get(list[0]!.id);
    expect(stored?.text).toContain('- Algebra');
    expect(stored?.html).toContain('<li>Algebra</li>');
    expect(smtp.received).toHaveLength(0);
  });
});
