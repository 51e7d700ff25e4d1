import { WelcomeEmailRequested } from '@quizbook/contracts';
import type { Message } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { MailTransport } from '../mail/mail-transport';
import { mailMessageId, type OutgoingMail } from '../mail/outgoing-mail';
import type { MailTemplates } from '../templating/mail-templates';
import { emailRequestFor } from './email-requests';
import type { RecipientDirectory } from './recipient-directory';
import type { SentMailLog } from './sent-mail-log';

export interface NotificationSenderDependencies {
  transport: MailTransport;
  templates: MailTemplates;
  sentLog: SentMailLog;
  recipients: RecipientDirectory;
  from: string;
  /** The base of every link in the emails. */
  appPublicUrl: string;
  logger?: Logger;
}

export type SendOutcome = 'sent' | 'duplicate';

/**
 * Turns one notification message into one email. Idempotent per bus message id through the sent-mail
 * log: checked before sending, written after the server accepted the mail. An SMTP send cannot join a
 * database transaction, so a crash (or a failed log write) between the two sends that email again on
 * redelivery: at-least-once, with the same Message-ID so the copy is recognisable. The dev mailbox
 * dedupes on that Message-ID itself, so there the email is stored once.
 */
export class NotificationSender {
  constructor(private readonly deps: NotificationSenderDependencies) {}

  /** Every failed try is recorded with its attempt number before the error goes back to the bus. */
  async handle(message: Pick<Message, 'id' | 'type' | 'payload' | 'attempt'>): Promise<SendOutcome> {
    try {
      return await this.deliver(message);
    } catch (error) {
      await this.deps.sentLog.recordFailure(message.id, message.attempt, error).catch((logError: unknown) => {
        this.deps.logger?.error({ err: logError }, 'could not record the send failure');
      });
      throw error;
    }
  }

  private async deliver(message: Pick<Message, 'id' | 'type' | 'payload'>): Promise<SendOutcome> {
    const request = emailRequestFor(message.type, message.payload);
    if (message.type === WelcomeEmailRequested.type && request.recipient.email)
      await this.deps.recipients.remember(request.recipient.userId, request.recipient.email);
    if (await this.deps.sentLog.wasSent(message.id)) return 'duplicate';

    const to = request.recipient.email ?? (await this.deps.recipients.emailOf(request.recipient.userId));
    const rendered = this.deps.templates.render(request.template, {
      ...request.model,
      appUrl: this.deps.appPublicUrl,
    });
    const mail: OutgoingMail = {
      messageId: mailMessageId(message.id, this.deps.from),
      from: this.deps.from,
      to,
      ...rendered,
    };
    await this.deps.transport.send(mail);
    await this.deps.sentLog.recordSent({
      messageId: message.id,
      messageType: message.type,
      recipient: to,
      subject: mail.subject,
      mailMessageId: mail.messageId,
    });
    return 'sent';
  }
}
