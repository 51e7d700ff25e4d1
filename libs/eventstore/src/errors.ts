import type { ExpectedRevision } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision; -1n when it does not exist. */
    readonly actual: bigint,
  ) {
    super(`stream ${streamName}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** The same event id was appended before with different content or to another stream. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} already exists and does not match the retried append to ${streamName}`);
  }
}
