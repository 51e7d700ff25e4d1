/** Raw stream entries as ioredis returns them for XREADGROUP / XCLAIM (`call` gives untyped replies). */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

export interface PendingEntry {
  id: string;
  consumer: string;
  idleMs: number;
}

export function parseEntries(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  const entries: StreamEntry[] = [];
  for (const raw of reply) {
    // XCLAIM can answer nil for an entry trimmed away since it was delivered.
    if (!Array.isArray(raw) || typeof raw[0] !== 'string' || !Array.isArray(raw[1])) continue;
    const values = raw[1] as string[];
    const fields: Record<string, string> = {};
    for (let index = 0; index + 1 < values.length; index += 2) {
      fields[values[index] as string] = values[index + 1] as string;
    }
    entries.push({ id: raw[0], fields });
  }
  return entries;
}

/** XREADGROUP over one stream: `[[stream, entries]]`, or null when BLOCK timed out. */
export function parseReadGroupReply(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((perStream: unknown) => (Array.isArray(perStream) ? parseEntries(perStream[1]) : []));
}

export function parsePendingReply(reply: unknown): PendingEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((raw: unknown) =>
    Array.isArray(raw) && typeof raw[0] === 'string'
      ? [{ id: raw[0], consumer: String(raw[1]), idleMs: Number(raw[2]) }]
      : [],
  );
}

/** XINFO GROUPS (RESP2): one flat `[name, <name>, consumers, <n>, …]` array per group. */
export function parseGroupNames(reply: unknown): string[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((group: unknown) => {
    if (!Array.isArray(group)) return [];
    const at = group.indexOf('name');
    return at >= 0 && typeof group[at + 1] === 'string' ? [group[at + 1] as string] : [];
  });
}
