import { createTransport } from 'nodemailer';
import type { MailTransport } from './mail-transport';
import type { OutgoingMail } from './outgoing-mail';

export interface SmtpTransportOptions {
  /** Short in tests; a hung server must fail the attempt rather than hold the message. */
  timeoutMs?: number;
}

/** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
export function createSmtpTransport(url: string, options: SmtpTransportOptions = {}): MailTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transporter = createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    kind: 'smtp',
    async send(mail: OutgoingMail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    async close() {
      transporter.close();
    },
  };
}
