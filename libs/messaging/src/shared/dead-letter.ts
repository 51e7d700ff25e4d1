import { deadLetterHeaders, type Message, type OutgoingMessage } from '../message-bus.port';

const maxErrorLength = 2_000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength)}…` : text;
}

/** The message as it lands on the dead-letter topic: same id, so an inbox still recognises it. */
export function toDeadLetter(message: Message, group: string, error: unknown): OutgoingMessage {
  return {
    id: message.id,
    type: message.type,
    key: message.key,
    payload: message.payload,
    headers: {
      ...message.headers,
      [deadLetterHeaders.error]: describeError(error),
      [deadLetterHeaders.attempts]: String(message.attempt),
      [deadLetterHeaders.originalTopic]: message.topic,
      [deadLetterHeaders.group]: group,
    },
  };
}
