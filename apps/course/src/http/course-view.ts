import type { CourseLevel } from '@quizbook/contracts';
import { seatsHeld, seatsLeft, type CourseState } from '../domain/course/course.decider';

/** What the write routes answer about a course (the catalog serves the searchable reads). */
export interface CourseView {
  courseId: string;
  ownerId: string;
  status: 'draft' | 'published' | 'archived';
  title: string;
  description: string;
  tags: string[];
  level: CourseLevel;
  priceCents: number;
  currency: string;
  startsAt: string;
  capacity: number;
  seatsHeld: number;
  seatsLeft: number;
  /** The stream revision, also sent as the ETag header. */
  version: number;
}

export function courseViewOf(state: CourseState, revision: bigint): CourseView {
  return {
    courseId: state.courseId!,
    ownerId: state.ownerId!,
    status: state.status as CourseView['status'],
    ...state.details!,
    capacity: state.capacity,
    seatsHeld: seatsHeld(state),
    seatsLeft: seatsLeft(state),
    version: Number(revision),
  };
}
