import { createHash } from 'node:crypto';
import { EmailReserved, emailReservationCategory } from '@quizbook/contracts';
import { WrongExpectedRevisionError, type EventStore } from '@quizbook/eventstore';
import { normalizeEmail } from '../domain/email';
import { userStreamName } from './user-streams';

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

/** The latest reservation wins: an abandoned one may have been taken over (see reclaimAbandonedReservation). */
async function currentReservation(store: EventStore, email: string) {
  const [last] = await store.readStream(emailReservationStreamName(email), {
    direction: 'backwards',
    maxCount: 1,
  });
  return last
    ? { ...EmailReserved.parse(last.data), revision: last.revision, createdAt: last.createdAt }
    : undefined;
}

/** Strongly consistent (reads the event store, not a read model), so a user can log in right after registering. */
export async function findUserIdByEmail(store: EventStore, email: string): Promise<string | undefined> {
  return (await currentReservation(store, email))?.userId;
}

/**
 * A registration reserves the email, then writes the user's stream. A crash between the two would
 * leave the email held by a user who never existed, for ever. A reservation whose user stream is
 * still missing this long after it was taken (far beyond one append) is taken over, with the exact
 * revision read, so of several concurrent takers one wins.
 */
export const abandonedReservationAfterMs = 60_000;

export async function reclaimAbandonedReservation(
  store: EventStore,
  email: string,
  userId: string,
  now: Date,
): Promise<ReservationOutcome> {
  const reservation = await currentReservation(store, email);
  if (!reservation) return reserveEmail(store, email, userId);
  if (now.getTime() - reservation.createdAt.getTime() < abandonedReservationAfterMs) return 'taken';
  const [holder] = await store.readStream(userStreamName(reservation.userId), { maxCount: 1 });
  if (holder) return 'taken';
  try {
    await store.appendToStream(
      emailReservationStreamName(email),
      [EmailReserved.create({ email: normalizeEmail(email), userId })],
      { expectedRevision: reservation.revision },
    );
    return 'reserved';
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return 'taken';
    throw error;
  }
}
