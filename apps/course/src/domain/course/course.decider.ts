import type { CourseDetails, CourseEvent, SeatReleaseReason } from '@quizbook/contracts';
import {
  CapacityBelowSeatsHeldError,
  CourseAlreadyExistsError,
  CourseArchivedError,
  CourseFullError,
  CourseNotFoundError,
  CourseNotOpenError,
  SeatAlreadyConfirmedError,
  SeatAlreadyHeldError,
  SeatNotHeldError,
} from './course-errors';

export type CourseStatus = 'absent' | 'draft' | 'published' | 'archived';

export interface SeatHold {
  learnerId: string;
  status: 'reserved' | 'confirmed';
  expiresAt: string;
}

export interface CourseState {
  status: CourseStatus;
  courseId?: string;
  ownerId?: string;
  details?: CourseDetails;
  capacity: number;
  /** Seats held now, by order id: reserved (unpaid) or confirmed (paid). */
  seats: Record<string, SeatHold>;
}

export type CourseCommand =
  | { type: 'DraftCourse'; courseId: string; ownerId: string; details: CourseDetails; capacity: number }
  | { type: 'EditCourse'; courseId: string; changes: Partial<CourseDetails> & { capacity?: number } }
  | { type: 'PublishCourse'; courseId: string }
  | { type: 'ArchiveCourse'; courseId: string }
  | {
      type: 'ReserveSeat';
      courseId: string;
      orderId: string;
      learnerId: string;
      expiresAt: string;
    }
  | { type: 'ReleaseSeat'; courseId: string; orderId: string; reason: SeatReleaseReason }
  | { type: 'ConfirmSeat'; courseId: string; orderId: string };

export const initialState = (): CourseState => ({ status: 'absent', capacity: 0, seats: {} });

export const seatsHeld = (state: CourseState): number => Object.keys(state.seats).length;
export const seatsLeft = (state: CourseState): number => Math.max(0, state.capacity - seatsHeld(state));
export const holdsSeatFor = (state: CourseState, learnerId: string): boolean =>
  Object.values(state.seats).some((hold) => hold.learnerId === learnerId);

export function evolve(state: CourseState, event: CourseEvent): CourseState {
  switch (event.type) {
    case 'CourseDrafted': {
      const { courseId, ownerId, capacity, ...details } = event.data;
      return { status: 'draft', courseId, ownerId, details, capacity, seats: {} };
    }
    case 'CourseEdited':
      return { ...state, details: { ...state.details!, ...event.data.changes } };
    case 'CoursePublished':
      return { ...state, status: 'published' };
    case 'CourseArchived':
      return { ...state, status: 'archived' };
    case 'CourseCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'SeatReserved': {
      const { orderId, learnerId, expiresAt } = event.data;
      return { ...state, seats: { ...state.seats, [orderId]: { learnerId, expiresAt, status: 'reserved' } } };
    }
    case 'SeatConfirmed': {
      const hold = state.seats[event.data.orderId];
      if (!hold) return state;
      return { ...state, seats: { ...state.seats, [event.data.orderId]: { ...hold, status: 'confirmed' } } };
    }
    case 'SeatReleased': {
      const { [event.data.orderId]: _released, ...rest } = state.seats;
      return { ...state, seats: rest };
    }
  }
}

/**
 * Repeating a command that already took effect (publish twice, reserve for the same order, release
 * a seat already released) decides nothing, so retried and resumed steps are harmless.
 */
export function decide(command: CourseCommand, state: CourseState): CourseEvent[] {
  const { courseId } = command;
  if (command.type === 'DraftCourse') {
    if (state.status !== 'absent') throw new CourseAlreadyExistsError(courseId);
    const { ownerId, details, capacity } = command;
    return [{ type: 'CourseDrafted', data: { courseId, ownerId, capacity, ...details } }];
  }
  if (state.status === 'absent') throw new CourseNotFoundError(courseId);
  switch (command.type) {
    case 'EditCourse':
      return edit(command.changes, state, courseId);
    case 'PublishCourse':
      if (state.status === 'archived') throw new CourseArchivedError(courseId);
      return state.status === 'published' ? [] : [{ type: 'CoursePublished', data: { courseId } }];
    case 'ArchiveCourse':
      return state.status === 'archived' ? [] : [{ type: 'CourseArchived', data: { courseId } }];
    case 'ReserveSeat': {
      const { orderId, learnerId, expiresAt } = command;
      if (state.seats[orderId]) return [];
      if (state.status !== 'published') throw new CourseNotOpenError(courseId, state.status);
      if (holdsSeatFor(state, learnerId)) throw new SeatAlreadyHeldError(courseId, learnerId);
      if (seatsLeft(state) === 0) throw new CourseFullError(courseId);
      return [{ type: 'SeatReserved', data: { courseId, orderId, learnerId, expiresAt } }];
    }
    case 'ReleaseSeat': {
      const hold = state.seats[command.orderId];
      if (!hold) return [];
      if (hold.status === 'confirmed' && command.reason !== 'refunded')
        throw new SeatAlreadyConfirmedError(courseId, command.orderId);
      const { orderId, reason } = command;
      return [{ type: 'SeatReleased', data: { courseId, orderId, learnerId: hold.learnerId, reason } }];
    }
    case 'ConfirmSeat': {
      const hold = state.seats[command.orderId];
      if (!hold) throw new SeatNotHeldError(courseId, command.orderId);
      if (hold.status === 'confirmed') return [];
      const { orderId } = command;
      return [{ type: 'SeatConfirmed', data: { courseId, orderId, learnerId: hold.learnerId } }];
    }
  }
}

function edit(
  { capacity, ...changes }: Partial<CourseDetails> & { capacity?: number },
  state: CourseState,
  courseId: string,
): CourseEvent[] {
  if (state.status === 'archived') throw new CourseArchivedError(courseId);
  const current = state.details!;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) =>
        value !== undefined &&
        JSON.stringify(value) !== JSON.stringify(current[field as keyof CourseDetails]),
    ),
  ) as Partial<CourseDetails>;
  const events: CourseEvent[] = [];
  if (Object.keys(changed).length > 0)
    events.push({ type: 'CourseEdited', data: { courseId, changes: changed } });
  if (capacity !== undefined && capacity !== state.capacity) {
    if (capacity < seatsHeld(state))
      throw new CapacityBelowSeatsHeldError(courseId, capacity, seatsHeld(state));
    events.push({ type: 'CourseCapacityChanged', data: { courseId, capacity } });
  }
  return events;
}

export const courseDecider = { initialState, evolve, decide };
