import { servicesOn, userDialects, type UserTestStores } from '../testing/user-test-stores';
import { manualClock } from '../testing/user-test-stores';
import { RefreshTokenStore } from './refresh-token-store';
import { migrateUserTables } from '../store/user-migrations';
import { refreshTokenTtlSeconds } from './token-settings';

for (const { dialect, describe, open } of userDialects) {
  describe(`refresh tokens on ${dialect}`, () => {
    let stores: UserTestStores;
    let tokens: RefreshTokenStore;
    const time = manualClock();

    beforeEach(async () => {
      stores = await open();
      await migrateUserTables(stores.readDb);
      tokens = new RefreshTokenStore(stores.readDb, time.clock);
    });
    afterEach(() => stores.close());

    it('rotates a token into the next one of its family', async () => {
      const first = await tokens.issue('u-1');
      const rotated = await tokens.rotate(first.token);
      expect(rotated).toMatchObject({ outcome: 'rotated', userId: 'u-1', familyId: first.familyId });
      if (rotated.outcome !== 'rotated') throw new Error('unreachable');
      expect(rotated.next.token).not.toBe(first.token);
      expect(await tokens.rotate(rotated.next.token)).toMatchObject({ outcome: 'rotated' });
    });

    it('revokes the whole family when a used token comes back, so the newer token stops working too', async () => {
      const first = await tokens.issue('u-1');
      const rotated = await tokens.rotate(first.token);
      if (rotated.outcome !== 'rotated') throw new Error('expected a rotation');
      expect(await tokens.rotate(first.token)).toMatchObject({ outcome: 'reused', familyId: first.familyId });
      expect(await tokens.rotate(rotated.next.token)).toEqual({ outcome: 'refused' });
    });

    it('leaves other families alone when one is revoked', async () => {
      const mine = await tokens.issue('u-1');
      const other = await tokens.issue('u-1');
      expect(await tokens.revokeFamilyOf(mine.token, 'u-1')).toBe(true);
      expect(await tokens.rotate(mine.token)).toEqual({ outcome: 'refused' });
      expect(await tokens.rotate(other.token)).toMatchObject({ outcome: 'rotated' });
    });

    it("does not revoke another user's family on logout", async () => {
      const theirs = await tokens.issue('u-2');
      expect(await tokens.revokeFamilyOf(theirs.token, 'u-1')).toBe(false);
      expect(await tokens.rotate(theirs.token)).toMatchObject({ outcome: 'rotated' });
    });

    it('refuses unknown and expired tokens', async () => {
      expect(await tokens.rotate('not-a-token')).toEqual({ outcome: 'refused' });
      const old = await tokens.issue('u-1');
      time.advanceSeconds(refreshTokenTtlSeconds + 1);
      expect(await tokens.rotate(old.token)).toEqual({ outcome: 'refused' });
    });

    it('lets exactly one of 10 concurrent refreshes with one token rotate, and revokes the family', async () => {
      const first = await tokens.issue('u-1');
      // Two pools on MySQL, as two instances would have. better-sqlite3 blocks the thread while it
      // waits for a lock, so one process cannot hold two contending SQLite handles: one handle there.
      const second =
        dialect === 'mysql' ? new RefreshTokenStore(await stores.openReadDb(), time.clock) : tokens;
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? second : tokens).rotate(first.token)),
      );
      expect(outcomes.filter((o) => o.outcome === 'rotated')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'reused').length).toBeGreaterThan(0);
      const winner = outcomes.find((o) => o.outcome === 'rotated');
      if (winner?.outcome !== 'rotated') throw new Error('expected a rotation');
      expect(await tokens.rotate(winner.next.token)).toEqual({ outcome: 'refused' });
    });

    it('is created by the service start (migrations run once per start, idempotently)', async () => {
      await servicesOn(stores);
      await servicesOn(stores);
    });
  });
}
