/**
 * Which partition stream a message goes to. FNV-1a: stable across processes and versions, which
 * matters more than speed, because every publisher must pick the same partition for a key.
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
