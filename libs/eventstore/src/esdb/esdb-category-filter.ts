import { streamNameFilter, type Filter } from '@eventstore/db-client';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Server-side stream-name filter for `$all` subscriptions. A regex rather than prefixes: a prefix
 * `course-` misses a stream named just `course`, and `course` would also match `courseware-1`.
 * Without categories it still excludes system streams (`$…`).
 */
export function categoryStreamFilter(categories: readonly string[] | undefined): Filter {
  return streamNameFilter({ regex: categoryStreamRegex(categories) });
}

export function categoryStreamRegex(categories: readonly string[] | undefined): string {
  if (!categories || categories.length === 0) return '^[^$]';
  return `^(?:${categories.map(escapeRegex).join('|')})(?:-|$)`;
}
