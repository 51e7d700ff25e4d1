import { WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/** Our typed conflict error for the client's; anything else passes through unchanged. */
export function toAppendError(error: unknown, streamName: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : -1n;
    return new WrongExpectedRevisionError(streamName, expected, actual);
  }
  return error;
}
