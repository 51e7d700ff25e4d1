import type { Cache } from '@quizbook/cache';
import type { KeyedMutex } from '@quizbook/platform';

/** Long enough for a learner to come back another day; the cache port requires every entry to expire. */
const cartTtlMs = 30 * 24 * 60 * 60 * 1000;

interface StoredCart {
  courseIds: string[];
}

/**
 * A learner's cart: only course ids, since titles and prices are read fresh from the course streams
 * each time. Changes queue per learner, so two tabs adding at once both land (within one process).
 */
export class CartStore {
  constructor(
    private readonly cache: Cache,
    private readonly mutex: KeyedMutex,
  ) {}

  async courseIds(learnerId: string): Promise<string[]> {
    return (await this.cache.get<StoredCart>(keyOf(learnerId)))?.courseIds ?? [];
  }

  add(learnerId: string, courseId: string): Promise<string[]> {
    return this.change(learnerId, (ids) => (ids.includes(courseId) ? ids : [...ids, courseId]));
  }

  remove(learnerId: string, courseIds: readonly string[]): Promise<string[]> {
    return this.change(learnerId, (ids) => ids.filter((id) => !courseIds.includes(id)));
  }

  private change(learnerId: string, update: (ids: string[]) => string[]): Promise<string[]> {
    return this.mutex.run(`cart:${learnerId}`, async () => {
      const next = update(await this.courseIds(learnerId));
      if (next.length === 0) await this.cache.delete(keyOf(learnerId));
      else await this.cache.set(keyOf(learnerId), { courseIds: next } satisfies StoredCart, cartTtlMs);
      return next;
    });
  }
}

const keyOf = (learnerId: string) => `course:cart:${learnerId}`;
