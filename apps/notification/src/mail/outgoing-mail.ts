import { createHash } from 'node:crypto';

/** One rendered email, ready for any transport. */
export interface OutgoingMail {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const maxLocalPartLength = 120;

/**
 * The Message-ID of the email sent for one bus message: the same on every redelivery, so a duplicate
 * that slips through (send succeeded, crash before the sent-mail log) is recognisable downstream.
 */
export function mailMessageId(busMessageId: string, from: string): string {
  // Only RFC 5322 atext survives; percent-encoding keeps distinct ids distinct.
  const encoded = encodeURIComponent(busMessageId).replace(
    /[.!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const local =
    encoded.length <= maxLocalPartLength
      ? encoded
      : `sha256-${createHash('sha256').update(busMessageId).digest('hex')}`;
  return `<${local}@${senderDomain(from)}>`;
}

function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'quizbook.local';
}
