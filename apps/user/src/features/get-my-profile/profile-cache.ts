import type { Cache } from '@quizbook/cache';
import type { UserProfile } from './user-profile';

// The invalidation on every user event keeps entries fresh; the TTL only heals a missed one.
const profileTtlMs = 5 * 60 * 1000;
const keyOf = (userId: string) => `user:profile:${userId}`;

/** Profiles read through the cache port; without a cache every read goes to the event store. */
export class ProfileCache {
  constructor(private readonly cache: Cache | undefined) {}

  async get(userId: string, load: () => Promise<UserProfile | undefined>): Promise<UserProfile | undefined> {
    const cached = await this.cache?.get<UserProfile>(keyOf(userId));
    if (cached) return cached;
    const profile = await load();
    if (profile) await this.cache?.set(keyOf(userId), profile, profileTtlMs);
    return profile;
  }

  async invalidate(userId: string): Promise<void> {
    await this.cache?.delete(keyOf(userId));
  }
}
