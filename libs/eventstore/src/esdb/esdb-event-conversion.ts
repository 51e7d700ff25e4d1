import { randomUUID } from 'node:crypto';
import { jsonEvent, type EventData, type JSONType, type ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { isUuid, toEsdbEventId } from './esdb-event-id';
import { encodePosition } from './esdb-positions';

/** Metadata key holding a caller's non-UUID event id, so reads return the id the caller chose. */
export const originalEventIdKey = 'quizbookEventId';

export function toEsdbEventData(event: NewEvent): EventData {
  const id = event.id ?? randomUUID();
  const metadata: EventMetadata = { ...(event.metadata ?? {}) };
  if (!isUuid(id)) metadata[originalEventIdKey] = id;
  return jsonEvent({
    id: toEsdbEventId(id),
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: metadata as JSONType,
  });
}

/** System streams and events (`$…`) are not ours: skip them, as they never reach a handler. */
export function isSystemEvent(streamName: string, type: string): boolean {
  return streamName.startsWith('$') || type.startsWith('$');
}

/**
 * Our RecordedEvent from the client's, or undefined for what a reader must skip: system events,
 * unresolved links. Position is the encoded (commit, prepare) pair: see encodePosition.
 */
export function fromEsdbResolvedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const metadata = decodeMetadata(event.metadata);
  const originalId = metadata[originalEventIdKey];
  if (typeof originalId === 'string') delete metadata[originalEventIdKey];
  return {
    id: typeof originalId === 'string' ? originalId : event.id,
    type: event.type,
    streamName: event.streamId,
    revision: event.revision,
    position: event.position
      ? encodePosition(event.position)
      : resolved.commitPosition !== undefined
        ? encodePosition({ commit: resolved.commitPosition, prepare: resolved.commitPosition })
        : -1n,
    data: event.isJson ? event.data : decodeBinary(event.data),
    metadata,
    createdAt: event.created,
  };
}

function decodeMetadata(metadata: unknown): EventMetadata {
  const value = metadata instanceof Uint8Array ? decodeBinary(metadata) : metadata;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as EventMetadata) }
    : {};
}

/** Events written by other tools may be binary: JSON when it parses, the raw bytes otherwise. */
function decodeBinary(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return bytes;
  }
}
