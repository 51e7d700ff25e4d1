import type { Cache } from '@quizbook/cache';
import { uniqueName } from '../environment/integration-services';

export interface CacheUnderTest {
  cache: Cache;
  /** A second instance on the same data (another process's view); absent when state is per instance. */
  openShared?: () => Promise<Cache>;
  /** Closes the cache and removes what the test wrote. */
  cleanup: () => Promise<void>;
}

/**
 * The behaviour every Cache adapter must have. Each test works under its own key prefix, so a shared
 * server works too. Expiry is checked by waiting past a short TTL, never by measuring durations.
 */
export interface CacheContractOptions {
  /** Instances opened on one URL see the same data (Redis): `openShared` must then be given. */
  sharedAcrossInstances?: boolean;
}

export function cacheContract(
  name: string,
  open: () => Promise<CacheUnderTest>,
  options: CacheContractOptions = {},
): void {
  describe(`Cache contract: ${name}`, () => {
    let subject: CacheUnderTest;
    let cache: Cache;
    let prefix: string;
    const others: Cache[] = [];

    beforeEach(async () => {
      subject = await open();
      cache = subject.cache;
      prefix = `${uniqueName('contract')}:`;
    });

    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await subject.cleanup();
    });

    const key = (suffix: string) => `${prefix}${suffix}`;

    it('round-trips JSON values and answers undefined for an absent key', async () => {
      const value = { title: 'TypeScript', seats: 12, tags: ['ts'], price: 12.5, draft: false, owner: null };
      await cache.set(key('course'), value, 60_000);
      expect(await cache.get(key('course'))).toEqual(value);
      await cache.set(key('count'), 0, 60_000);
      expect(await cache.get(key('count'))).toBe(0);
      expect(await cache.get(key('absent'))).toBeUndefined();
    });

    it('hands out copies: changing a value read does not change the stored one', async () => {
      await cache.set(key('profile'), { roles: ['learner'] }, 60_000);
      const first = await cache.get<{ roles: string[] }>(key('profile'));
      first?.roles.push('admin');
      expect(await cache.get(key('profile'))).toEqual({ roles: ['learner'] });
    });

    it('forgets a value once its TTL has passed', async () => {
      await cache.set(key('short'), 'soon gone', 50);
      await cache.set(key('long'), 'kept', 60_000);
      await sleep(150);
      expect(await cache.get(key('short'))).toBeUndefined();
      expect(await cache.get(key('long'))).toBe('kept');
    });

    it('overwrites a value and its TTL on set', async () => {
      await cache.set(key('v'), 1, 50);
      await cache.set(key('v'), 2, 60_000);
      await sleep(150);
      expect(await cache.get(key('v'))).toBe(2);
    });

    it('deletes one key, and every key under a prefix without touching others', async () => {
      await cache.set(key('course:1:detail'), 'a', 60_000);
      await cache.set(key('course:1:seats'), 'b', 60_000);
      await cache.set(key('course:10:detail'), 'c', 60_000);
      await cache.set(key('user:1'), 'd', 60_000);

      await cache.delete(key('user:1'));
      expect(await cache.get(key('user:1'))).toBeUndefined();

      expect(await cache.deleteByPrefix(key('course:1:'))).toBe(2);
      expect(await cache.get(key('course:1:detail'))).toBeUndefined();
      expect(await cache.get(key('course:1:seats'))).toBeUndefined();
      expect(await cache.get(key('course:10:detail'))).toBe('c');
    });

    it('takes glob characters in a prefix literally', async () => {
      await cache.set(key('a*:1'), 'star', 60_000);
      await cache.set(key('ab:1'), 'plain', 60_000);
      expect(await cache.deleteByPrefix(key('a*'))).toBe(1);
      expect(await cache.get(key('ab:1'))).toBe('plain');
    });

    it('counts hits in a window, telling when the window resets', async () => {
      const first = await cache.hit(key('ip:1'), 60_000);
      const second = await cache.hit(key('ip:1'), 60_000);
      const elsewhere = await cache.hit(key('ip:2'), 60_000);

      expect(first.count).toBe(1);
      expect(second.count).toBe(2);
      expect(elsewhere.count).toBe(1);
      for (const hit of [first, second, elsewhere]) {
        expect(hit.resetInMs).toBeGreaterThan(0);
        expect(hit.resetInMs).toBeLessThanOrEqual(60_000);
      }
    });

    it('starts a new window from zero once the old one has ended', async () => {
      await cache.hit(key('ip'), 50);
      await cache.hit(key('ip'), 50);
      await sleep(150);
      expect((await cache.hit(key('ip'), 50)).count).toBe(1);
    });

    it('keeps counters apart from values: deleting by prefix does not reset a limit', async () => {
      await cache.hit(key('limit'), 60_000);
      await cache.deleteByPrefix(prefix);
      expect((await cache.hit(key('limit'), 60_000)).count).toBe(2);
    });

    it('gives 200 concurrent hits the distinct counts 1..200', async () => {
      const hits = await Promise.all(Array.from({ length: 200 }, () => cache.hit(key('burst'), 60_000)));
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 200 }, (_, n) => n + 1),
      );
    });

    // Registered only where it applies, so a memory run shows no skipped test to wonder about.
    if (options.sharedAcrossInstances)
      it('counts exactly across instances sharing the data', async () => {
        if (!subject.openShared) throw new Error('sharedAcrossInstances needs openShared');
        const second = await subject.openShared();
        others.push(second);
        const hits = await Promise.all(
          Array.from({ length: 100 }, (_, n) => (n % 2 === 0 ? cache : second).hit(key('shared'), 60_000)),
        );
        expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 100 }, (_, n) => n + 1),
        );
        await cache.set(key('seen'), 'by both', 60_000);
        expect(await second.get(key('seen'))).toBe('by both');
      });

    it('refuses a TTL or window that is not a positive whole number of milliseconds', async () => {
      await expect(cache.set(key('x'), 1, 0)).rejects.toThrow(RangeError);
      await expect(cache.hit(key('x'), 1.5)).rejects.toThrow(RangeError);
    });

    it('answers ping while open', async () => {
      await expect(cache.ping()).resolves.toBeUndefined();
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
