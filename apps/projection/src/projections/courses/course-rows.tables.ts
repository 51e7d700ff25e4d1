export type CourseRowStatus = 'draft' | 'published' | 'archived';

export interface ReadCourseRow {
  course_id: string;
  owner_id: string;
  title: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  level: string;
  price_cents: number;
  currency: string;
  capacity: number;
  starts_at: string;
  status: CourseRowStatus;
  /** The course stream's last revision applied: what an `If-Match` would be compared with. */
  version: string | number;
  last_position: string | number;
  updated_at: string;
}

export interface CourseRowsTables {
  read_courses: ReadCourseRow;
}

export interface CourseView {
  courseId: string;
  ownerId: string;
  title: string;
  description: string;
  tags: string[];
  level: string;
  priceCents: number;
  currency: string;
  capacity: number;
  startsAt: string;
  status: CourseRowStatus;
  version: number;
  updatedAt: string;
}

export function courseViewOf(row: ReadCourseRow): CourseView {
  return {
    courseId: row.course_id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    tags: JSON.parse(row.tags) as string[],
    level: row.level,
    priceCents: Number(row.price_cents),
    currency: row.currency,
    capacity: Number(row.capacity),
    startsAt: row.starts_at,
    status: row.status,
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}
