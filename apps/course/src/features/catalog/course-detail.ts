import type { CourseLevel } from '@quizbook/contracts';
import type { CourseDocument } from '@quizbook/search';
import { seatsLeftOf } from './catalog-seats';
import type { CatalogCourseRow, CatalogStatus } from './catalog.tables';

/** What `GET /courses/:id` answers. */
export interface CourseDetail {
  courseId: string;
  ownerId: string;
  status: CatalogStatus;
  title: string;
  description: string;
  tags: string[];
  level: CourseLevel;
  priceCents: number;
  currency: string;
  startsAt: string;
  capacity: number;
  seatsLeft: number;
  version: number;
}

export function courseDetailOf(row: CatalogCourseRow): CourseDetail {
  return {
    courseId: row.course_id,
    ownerId: row.owner_id,
    status: row.status,
    title: row.title,
    description: row.description,
    tags: JSON.parse(row.tags) as string[],
    level: row.level,
    priceCents: Number(row.price_cents),
    currency: row.currency,
    startsAt: row.starts_at,
    capacity: Number(row.capacity),
    seatsLeft: seatsLeftOf(row),
    version: Number(row.version),
  };
}

export function searchDocumentOf(row: CatalogCourseRow): CourseDocument {
  return {
    id: row.course_id,
    title: row.title,
    description: row.description,
    tags: JSON.parse(row.tags) as string[],
    level: row.level,
    priceCents: Number(row.price_cents),
    currency: row.currency,
    seatsLeft: seatsLeftOf(row),
    startsAt: row.starts_at,
    published: row.status === 'published',
  };
}
