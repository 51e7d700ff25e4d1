import { WrongExpectedRevisionError } from './errors';
import type { ExpectedRevision } from './event-store.port';

/** @param actual the stream's last revision, -1n when it does not exist. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, actual: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === -1n;
  if (expected === 'exists') return actual >= 0n;
  return actual === expected;
}

export function assertExpectedRevision(streamName: string, expected: ExpectedRevision, actual: bigint): void {
  if (!satisfiesExpectedRevision(expected, actual)) {
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }
}
