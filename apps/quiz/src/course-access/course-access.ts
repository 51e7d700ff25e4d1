import { courseStreamName, parseCourseEvent, type CourseEvent } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';

/**
 * Who may author a course's quizzes (its owner) and who may take them (learners holding a paid
 * seat), folded from the course stream itself: the course app's events are the source of truth,
 * and reading them through the event store keeps the quiz app off the course app's tables.
 */
export interface CourseAccess {
  courseId: string;
  ownerId: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  /** Learners with a confirmed seat that no refund has released. */
  enrolledLearnerIds: ReadonlySet<string>;
}

export function evolveCourseAccess(
  state: CourseAccess | undefined,
  event: CourseEvent,
): CourseAccess | undefined {
  if (event.type === 'CourseDrafted')
    return {
      courseId: event.data.courseId,
      ownerId: event.data.ownerId,
      title: event.data.title,
      status: 'draft',
      enrolledLearnerIds: new Set(),
    };
  if (!state) return state;
  switch (event.type) {
    case 'CourseEdited':
      return event.data.changes.title ? { ...state, title: event.data.changes.title } : state;
    case 'CoursePublished':
      return { ...state, status: 'published' };
    case 'CourseArchived':
      return { ...state, status: 'archived' };
    case 'SeatConfirmed':
      return { ...state, enrolledLearnerIds: new Set([...state.enrolledLearnerIds, event.data.learnerId]) };
    case 'SeatReleased': {
      // A release of a seat that was never confirmed (cancel, expiry) leaves enrollment alone; a
      // refund releases a confirmed seat and ends the enrollment.
      if (event.data.reason !== 'refunded') return state;
      const enrolled = new Set(state.enrolledLearnerIds);
      enrolled.delete(event.data.learnerId);
      return { ...state, enrolledLearnerIds: enrolled };
    }
    default:
      return state;
  }
}

/** undefined when the course does not exist. */
export async function readCourseAccess(
  eventStore: EventStore,
  courseId: string,
): Promise<CourseAccess | undefined> {
  let state: CourseAccess | undefined;
  for (const recorded of await eventStore.readStream(courseStreamName(courseId))) {
    const event = parseCourseEvent(recorded.type, recorded.data);
    if (event) state = evolveCourseAccess(state, event);
  }
  return state;
}

export const isEnrolled = (access: CourseAccess, learnerId: string): boolean =>
  access.enrolledLearnerIds.has(learnerId);
