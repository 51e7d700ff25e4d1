import type { CourseLevel } from '@quizbook/contracts';

export type CatalogStatus = 'draft' | 'published' | 'archived';
export type CatalogHoldStatus = 'reserved' | 'confirmed' | 'released';

export interface CatalogCourseRow {
  course_id: string;
  owner_id: string;
  title: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  level: CourseLevel;
  price_cents: number;
  currency: string;
  capacity: number;
  starts_at: string;
  status: CatalogStatus;
  reserved: number;
  confirmed: number;
  /** The course stream's revision after the last event applied: the course's version and ETag. */
  version: string | number;
  /** The global position of that event, so a replayed event changes nothing. */
  last_position: string | number;
}

/** The course app's own read side of the catalog (not the projection service's tables). */
export interface CatalogTables {
  catalog_courses: CatalogCourseRow;
  catalog_seat_holds: {
    course_id: string;
    order_id: string;
    status: CatalogHoldStatus;
    /** Lets GET /courses/:id show the signed-in learner's own enrollment. */
    learner_id: string | null;
  };
}
