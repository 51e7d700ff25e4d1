import { createHash } from 'node:crypto';

/**
 * A UUID-shaped event id derived from the fact it records (`<orderId>:reserve:<courseId>`): a step
 * that is retried or resumed after a crash appends the same id, which the store records only once.
 * UUID-shaped because EventStoreDB accepts nothing else.
 */
export function deterministicId(name: string): string {
  const hex = createHash('sha256').update(name, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
