import type { Message } from '../message-bus.port';
import type { WireEnvelope } from '../shared/wire-envelope';
import type { PulsarOutgoing, PulsarReceivedMessage } from './pulsar-client-types';

/** Our fields travel as properties under this prefix; headers under their own, so neither can shadow the other. */
export const pulsarProperty = {
  id: 'qb-id',
  type: 'qb-type',
  key: 'qb-key',
  attempt: 'qb-attempt',
  publishedAt: 'qb-published-at',
  headerPrefix: 'qb-header:',
} as const;

/** Where a group's failed messages wait out their backoff: a per-group topic, so other groups never see the retry. */
export function retryTopic(topic: string, group: string): string {
  return `${topic}.${group}.retry`;
}

export function toPulsarMessage(
  envelope: WireEnvelope,
  attempt = 1,
  deliverAfterMs?: number,
): PulsarOutgoing {
  const properties: Record<string, string> = {
    [pulsarProperty.id]: envelope.id,
    [pulsarProperty.type]: envelope.type,
    [pulsarProperty.attempt]: String(attempt),
    [pulsarProperty.publishedAt]: envelope.publishedAt,
  };
  if (envelope.key !== undefined) properties[pulsarProperty.key] = envelope.key;
  for (const [name, value] of Object.entries(envelope.headers)) {
    properties[`${pulsarProperty.headerPrefix}${name}`] = value;
  }
  return {
    data: Buffer.from(JSON.stringify(envelope.payload ?? null)),
    properties,
    // Partition key picks the partition, ordering key the Key_Shared consumer: both by our key.
    ...(envelope.key === undefined ? {} : { partitionKey: envelope.key, orderingKey: envelope.key }),
    eventTimestamp: Date.parse(envelope.publishedAt),
    ...(deliverAfterMs && deliverAfterMs > 0 ? { deliverAfter: deliverAfterMs } : {}),
  };
}

/**
 * Our attempt property plus the broker's redelivery count: the property survives broker restarts
 * (the count does not), the count covers nacks and crashed consumers since the copy was published.
 */
export function attemptOf(properties: Record<string, string>, redeliveryCount: number): number {
  const stored = Number.parseInt(properties[pulsarProperty.attempt] ?? '1', 10);
  return (Number.isFinite(stored) && stored >= 1 ? stored : 1) + Math.max(0, redeliveryCount);
}

export function toEnvelope(received: PulsarReceivedMessage): WireEnvelope {
  const properties = received.getProperties();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith(pulsarProperty.headerPrefix))
      headers[name.slice(pulsarProperty.headerPrefix.length)] = value;
  }
  const key = properties[pulsarProperty.key];
  const data = received.getData();
  return {
    id: properties[pulsarProperty.id] ?? '',
    type: properties[pulsarProperty.type] ?? '',
    ...(key === undefined ? {} : { key }),
    payload: data.length === 0 ? null : (JSON.parse(data.toString('utf8')) as unknown),
    headers,
    publishedAt:
      properties[pulsarProperty.publishedAt] ?? new Date(received.getPublishTimestamp()).toISOString(),
  };
}

export function fromPulsarMessage<Payload>(topic: string, received: PulsarReceivedMessage): Message<Payload> {
  const envelope = toEnvelope(received);
  return {
    id: envelope.id,
    topic,
    type: envelope.type,
    key: envelope.key,
    payload: envelope.payload as Payload,
    headers: envelope.headers,
    attempt: attemptOf(received.getProperties(), received.getRedeliveryCount()),
    publishedAt: new Date(envelope.publishedAt),
  };
}
