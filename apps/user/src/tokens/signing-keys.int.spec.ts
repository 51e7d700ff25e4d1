import { manualClock, testAuthConfig, userDialects, type UserTestStores } from '../testing/user-test-stores';
import { migrateUserTables } from '../store/user-migrations';
import { InvalidTokenError } from '@quizbook/auth';
import { AccessTokenSigner } from './access-token';
import { InProcessVerifier } from './in-process-verifier';
import { SigningKeyStore } from './signing-key-store';
import { accessTokenTtlSeconds, retiredKeyRetentionSeconds } from './token-settings';

const issuer = { issuer: testAuthConfig.auth.issuer, audience: testAuthConfig.auth.audience };
/** The verifier the app hands the auth guard: libs/auth's checks over this app's own key table. */
const verifierOver = (keys: SigningKeyStore, audience = issuer.audience) => {
  const verifier = new InProcessVerifier();
  verifier.bind({ ...testAuthConfig.auth, audience }, keys);
  return verifier;
};
const ada = { userId: 'u-1', email: 'ada@example.com', roles: ['learner' as const] };
const kidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;

for (const { dialect, describe, open } of userDialects) {
  describe(`signing keys on ${dialect}`, () => {
    let stores: UserTestStores;
    // Starts at the real time: libs/auth checks expiry against the system clock.
    let time = manualClock(new Date());
    const keyStore = (db = stores.readDb) => new SigningKeyStore(db, time.clock);

    beforeEach(async () => {
      time = manualClock(new Date());
      stores = await open();
      await migrateUserTables(stores.readDb);
    });
    afterEach(() => stores.close());

    it('creates one key on the first start and keeps it on the next', async () => {
      await keyStore().ensureSigningKey();
      const first = await keyStore().publishedKeys();
      await keyStore().ensureSigningKey();
      expect(await keyStore().publishedKeys()).toEqual(first);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
      expect(first[0]).not.toHaveProperty('d');
    });

    it('verifies a token signed before a "restart" with a new handle on the same database', async () => {
      await keyStore().ensureSigningKey();
      const { token } = await new AccessTokenSigner(keyStore(), issuer, time.clock).sign(ada);
      const afterRestart = keyStore(await stores.openReadDb());
      await afterRestart.ensureSigningKey();
      const principal = await verifierOver(afterRestart).verify(token);
      expect(principal).toMatchObject({ userId: 'u-1', email: 'ada@example.com', roles: ['learner'] });
    });

    it('signs new tokens with the new key after a rotation and keeps old tokens valid until the old key is dropped', async () => {
      const keys = keyStore();
      await keys.ensureSigningKey();
      const signer = new AccessTokenSigner(keys, issuer, time.clock);
      const verifier = verifierOver(keys);
      const before = (await signer.sign(ada)).token;

      const { kid } = await keys.rotate();
      const after = (await signer.sign(ada)).token;
      expect(kidOf(after)).toBe(kid);
      expect(kidOf(before)).not.toBe(kid);
      expect((await keys.publishedKeys()).map((key) => key.kid).sort()).toEqual([kid, kidOf(before)].sort());
      await expect(verifier.verify(before)).resolves.toMatchObject({ userId: 'u-1' });
      await expect(verifier.verify(after)).resolves.toMatchObject({ userId: 'u-1' });

      time.advanceSeconds(retiredKeyRetentionSeconds + 1);
      expect(await keys.pruneRetiredKeys()).toBe(1);
      expect((await keys.publishedKeys()).map((key) => key.kid)).toEqual([kid]);
    });

    it('refuses expired, tampered, foreign-audience and unsigned tokens', async () => {
      const keys = keyStore();
      await keys.ensureSigningKey();
      const token = (await new AccessTokenSigner(keys, issuer, time.clock).sign(ada)).token;
      const verifier = verifierOver(keys);
      const [header, claims] = token.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(claims!, 'base64url').toString()), roles: ['admin'] }),
      ).toString('base64url');
      await expect(verifier.verify(`${header}.${forged}.${token.split('.')[2]}`)).rejects.toThrow(
        InvalidTokenError,
      );
      const none = Buffer.from(JSON.stringify({ alg: 'none', kid: kidOf(token) })).toString('base64url');
      await expect(verifier.verify(`${none}.${claims}.`)).rejects.toThrow(InvalidTokenError);
      await expect(verifierOver(keys, 'other').verify(token)).rejects.toThrow(InvalidTokenError);
      const past = manualClock(new Date(Date.now() - (accessTokenTtlSeconds + 60) * 1000));
      const expired = (await new AccessTokenSigner(keys, issuer, past.clock).sign(ada)).token;
      await expect(verifier.verify(expired)).rejects.toThrow(InvalidTokenError);
    });
  });
}
