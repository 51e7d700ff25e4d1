import { createHash } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fixed namespace for name-based ids, so the same event id maps to the same UUID on every retry. */
const namespace = Buffer.from('6f1d7a3c2b9e4c5da0e1f2a3b4c5d6e7', 'hex');

export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}

/** EventStoreDB only accepts UUID event ids: other ids become a deterministic UUID v5 of the id. */
export function toEsdbEventId(id: string): string {
  if (isUuid(id)) return id.toLowerCase();
  const bytes = createHash('sha1').update(namespace).update(id, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
