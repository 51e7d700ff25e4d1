import type { Cache } from '@quizbook/cache';
import type { CourseDetail } from './course-detail';

// Every course event invalidates its entry; the TTL only bounds a missed invalidation.
const detailTtlMs = 5 * 60 * 1000;
export const courseDetailKeyPrefix = 'course:detail:';
const keyOf = (courseId: string) => `${courseDetailKeyPrefix}${courseId}`;

/** Course details read through the cache port, whatever their status: visibility is decided per caller after the read. */
export class CourseDetailCache {
  constructor(private readonly cache: Cache) {}

  async get(
    courseId: string,
    load: () => Promise<CourseDetail | undefined>,
  ): Promise<CourseDetail | undefined> {
    const cached = await this.cache.get<CourseDetail>(keyOf(courseId));
    if (cached) return cached;
    const detail = await load();
    if (detail) await this.cache.set(keyOf(courseId), detail, detailTtlMs);
    return detail;
  }

  async invalidate(courseId: string): Promise<void> {
    await this.cache.delete(keyOf(courseId));
  }

  async invalidateAll(): Promise<void> {
    await this.cache.deleteByPrefix(courseDetailKeyPrefix);
  }
}
