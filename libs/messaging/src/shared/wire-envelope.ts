import { randomUUID } from 'node:crypto';
import type { Message, OutgoingMessage } from '../message-bus.port';

/** What a transport stores for one message: JSON, so every adapter sees payloads the same way. */
export interface WireEnvelope {
  id: string;
  type: string;
  key?: string;
  payload: unknown;
  headers: Record<string, string>;
  publishedAt: string;
}

export function toWireEnvelope(message: OutgoingMessage, now = new Date()): WireEnvelope {
  if (!message.type) throw new TypeError('a message needs a type');
  return {
    id: message.id ?? randomUUID(),
    type: message.type,
    ...(message.key === undefined ? {} : { key: message.key }),
    payload: message.payload,
    headers: { ...message.headers },
    publishedAt: now.toISOString(),
  };
}

export function encodeWireEnvelope(envelope: WireEnvelope): string {
  return JSON.stringify(envelope);
}

export function decodeWireEnvelope(text: string): WireEnvelope {
  const parsed = JSON.parse(text) as Partial<WireEnvelope>;
  if (typeof parsed.id !== 'string' || typeof parsed.type !== 'string') {
    throw new TypeError('not a bus message envelope');
  }
  return {
    id: parsed.id,
    type: parsed.type,
    ...(typeof parsed.key === 'string' ? { key: parsed.key } : {}),
    payload: parsed.payload,
    headers: parsed.headers ?? {},
    publishedAt: parsed.publishedAt ?? new Date(0).toISOString(),
  };
}

export function toMessage<Payload>(topic: string, envelope: WireEnvelope, attempt: number): Message<Payload> {
  return {
    id: envelope.id,
    topic,
    type: envelope.type,
    key: envelope.key,
    payload: envelope.payload as Payload,
    headers: { ...envelope.headers },
    attempt,
    publishedAt: new Date(envelope.publishedAt),
  };
}

export function asArray<T>(items: T | readonly T[]): readonly T[] {
  return Array.isArray(items) ? (items as readonly T[]) : [items as T];
}
