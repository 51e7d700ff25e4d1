import { createHash } from 'node:crypto';
import { EmailReserved, emailReservationCategory } from '@quizbook/contracts';
import { WrongExpectedRevisionError, type EventStore } from '@quizbook/eventstore';
import { normalizeEmail } from '../domain/email';

/** Hashed: stream names stay short, free of `-`, and carry no address in logs. */
export function emailReservationStreamName(email: string): string {
  const digest = createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
  return `${emailReservationCategory}-${digest}`;
}

export type ReservationOutcome = 'reserved' | 'taken';

/**
 * The one place email uniqueness is decided: an append that requires the stream not to exist, so
 * of any number of concurrent registrations exactly one wins. `eventId` makes a retry idempotent.
 */
export async function reserveEmail(
  store: EventStore,
  email: string,
  userId: string,
  eventId?: string,
): Promise<ReservationOutcome> {
  const normalized = normalizeEmail(email);
  try {
    await store.appendToStream(
      emailReservationStreamName(normalized),
      [{ ...(eventId ? { id: eventId } : {}), ...EmailReserved.create({ email: normalized, userId }) }],
      { expectedRevision: 'no-stream' },
    );
    return 'reserved';
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return 'taken';
    throw error;
  }
}

/** Strongly consistent (reads the event store, not a read model), so a user can log in right after registering. */
export async function findUserIdByEmail(store: EventStore, email: string): Promise<string | undefined> {
  const [first] = await store.readStream(emailReservationStreamName(email), { maxCount: 1 });
  return first ? EmailReserved.parse(first.data).userId : undefined;
}
