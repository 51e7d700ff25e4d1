import type { AuthSettings } from '@quizbook/platform';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  nowInSeconds,
  signHs256,
  signToken,
  tamperWith,
  unsignedToken,
} from '../testing/test-tokens';
import { createAccessTokenVerifier } from './access-token-verifier';
import { InvalidTokenError, type InvalidTokenReason } from './invalid-token-error';

const settings: AuthSettings = {
  mode: 'local',
  issuer: 'urn:quizbook:user-service',
  audience: 'quizbook',
  jwksUri: 'http://127.0.0.1:9/.well-known/jwks.json',
};
const key = generateSigningKey('key-1');
const claims = (overrides: Record<string, unknown> = {}) => localAccessClaims(settings, overrides);

async function refusal(token: string, keys = jwksOf(key)): Promise<InvalidTokenReason> {
  const verifier = createAccessTokenVerifier(settings, { jwks: () => keys });
  const error = await verifier.verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InvalidTokenError))
    throw new Error(`expected InvalidTokenError, got ${String(error)}`);
  return error.reason;
}

describe('createAccessTokenVerifier (local issuer, keys from the issuing app)', () => {
  it('turns a valid access token into the principal it stands for', async () => {
    const payload = claims({ sub: 'user-42', email: 'a@example.com', roles: ['instructor', 'learner'] });
    const token = signToken(key, payload);

    const principal = await createAccessTokenVerifier(settings, { jwks: () => jwksOf(key) }).verify(token);

    expect(principal).toEqual({
      userId: 'user-42',
      email: 'a@example.com',
      roles: ['instructor', 'learner'],
      token,
      expiresAt: payload.exp,
    });
  });

  it('keeps only the roles this build knows', async () => {
    const token = signToken(key, claims({ roles: ['learner', 'superuser', 'admin'] }));
    const principal = await createAccessTokenVerifier(settings, { jwks: () => jwksOf(key) }).verify(token);
    expect(principal.roles).toEqual(['learner', 'admin']);
  });

  it('asks the issuing app again when a token names a kid it has not seen (in-process rotation)', async () => {
    let published = jwksOf(key);
    const verifier = createAccessTokenVerifier(settings, { jwks: () => published });
    await verifier.verify(signToken(key, claims()));

    const next = generateSigningKey('key-2');
    published = jwksOf(key, next);
    await expect(verifier.verify(signToken(next, claims({ sub: 'user-2' })))).resolves.toMatchObject({
      userId: 'user-2',
    });
  });

  const now = nowInSeconds();
  const publicPem = key.publicKey.export({ type: 'spki', format: 'pem' });
  const cases: [string, () => string, InvalidTokenReason][] = [
    ['an expired token', () => signToken(key, claims({ iat: now - 120, exp: now - 60 })), 'expired'],
    ['a token not valid yet', () => signToken(key, claims({ nbf: now + 600 })), 'not-yet-valid'],
    ['another issuer', () => signToken(key, claims({ iss: 'https://evil.example' })), 'wrong-issuer'],
    ['another audience', () => signToken(key, claims({ aud: 'other-app' })), 'wrong-audience'],
    ['a tampered payload', () => tamperWith(signToken(key, claims()), { roles: ['admin'] }), 'bad-signature'],
    // With its empty signature an `alg: none` token is not even JWT-shaped to aws-jwt-verify.
    ['alg none', () => unsignedToken(claims(), { kid: key.kid }), 'malformed'],
    [
      'alg none with a signature attached',
      () => `${unsignedToken(claims(), { kid: key.kid })}c2ln`,
      'algorithm-not-allowed',
    ],
    [
      'HS256 keyed with the public key',
      () => signHs256(publicPem, claims(), { kid: key.kid }),
      'algorithm-not-allowed',
    ],
    [
      'RS384, a real RSA algorithm but not ours',
      () => signToken(key, claims(), { alg: 'RS384' }),
      'algorithm-not-allowed',
    ],
    ['an unknown kid', () => signToken(generateSigningKey('stranger'), claims()), 'unknown-key'],
    ['a refresh or id token', () => signToken(key, claims({ token_use: 'id' })), 'wrong-token-use'],
    ['no token_use at all', () => signToken(key, claims({ token_use: undefined })), 'wrong-token-use'],
    ['no exp', () => signToken(key, claims({ exp: undefined })), 'missing-claim'],
    ['no sub', () => signToken(key, claims({ sub: undefined })), 'missing-claim'],
    ['no roles claim', () => signToken(key, claims({ roles: undefined })), 'missing-claim'],
    ['garbage', () => 'not-a-jwt', 'malformed'],
  ];

  it.each(cases)('refuses %s', async (_name, token, reason) => {
    expect(await refusal(token())).toBe(reason);
  });

  it('says nothing in its message but the reason', async () => {
    const token = signToken(key, claims({ iss: 'https://evil.example', email: 'secret@example.com' }));
    const error = await createAccessTokenVerifier(settings, { jwks: () => jwksOf(key) })
      .verify(token)
      .catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toBe('access token refused: wrong-issuer');
  });
});
