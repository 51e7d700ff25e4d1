import type { OutgoingMail } from './outgoing-mail';

/** Where rendered emails go: an SMTP server, or the dev mailbox table. */
export interface MailTransport {
  readonly kind: 'smtp' | 'devmailbox';
  /** Resolves once the mail is accepted; throws when it was not, so the bus retries. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
