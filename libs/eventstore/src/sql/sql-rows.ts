import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { EventRow } from './sql-schema';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    createdAt: new Date(Number(row.created_at)),
  };
}
