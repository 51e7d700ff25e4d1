import type { AuthSettings } from '@quizbook/platform';
import {
  cognitoAccessClaims,
  cognitoIssuerOf,
  generateSigningKey,
  jwksOf,
  nowInSeconds,
  signToken,
} from '../testing/test-tokens';
import { createAccessTokenVerifier } from './access-token-verifier';
import { rolesFromCognitoGroups } from './cognito-roles';
import { InvalidTokenError } from './invalid-token-error';

const pool = { userPoolId: 'eu-west-1_AbCdEf123', clientId: 'spa-client-id' };
const settings: AuthSettings = { mode: 'cognito', issuer: cognitoIssuerOf(pool.userPoolId), ...pool };
const key = generateSigningKey('cognito-key-1');
// No Cognito is reachable here: the pool's keys are hydrated with cacheJwks, as a cold start may be too.
const verifier = createAccessTokenVerifier(settings, { initialJwks: jwksOf(key) });
const token = (overrides: Record<string, unknown> = {}) =>
  signToken(key, cognitoAccessClaims(pool, overrides));

describe('rolesFromCognitoGroups', () => {
  it.each([
    [['admin'], ['admin']],
    [
      ['instructor', 'learner'],
      ['instructor', 'learner'],
    ],
    [['eu-west-1_AbCdEf123_Google', 'instructor', 'Editors'], ['instructor']],
    [['Editors'], ['learner']],
    [[], ['learner']],
    [undefined, ['learner']],
    ['admin', ['learner']],
  ])('maps groups %j to roles %j', (groups, roles) => {
    expect(rolesFromCognitoGroups(groups)).toEqual(roles);
  });
});

describe('createAccessTokenVerifier (Cognito user pool)', () => {
  it('verifies a pool access token and takes the roles from cognito:groups', async () => {
    const claims = cognitoAccessClaims(pool, { sub: 'abc-123', 'cognito:groups': ['instructor', 'Beta'] });
    const signed = signToken(key, claims);

    await expect(verifier.verify(signed)).resolves.toEqual({
      userId: 'abc-123',
      email: undefined,
      roles: ['instructor'],
      token: signed,
      expiresAt: claims.exp,
    });
  });

  it('makes a user in no role group a learner', async () => {
    await expect(verifier.verify(token({ 'cognito:groups': undefined }))).resolves.toMatchObject({
      roles: ['learner'],
    });
  });

  it.each([
    ['another app client', { client_id: 'other-client' }, 'wrong-audience'],
    ['an id token', { token_use: 'id', aud: pool.clientId }, 'wrong-token-use'],
    ['another pool', { iss: cognitoIssuerOf('eu-west-1_Other999') }, 'wrong-issuer'],
    ['an expired token', { exp: nowInSeconds() - 60 }, 'expired'],
  ])('refuses %s', async (_name, overrides, reason) => {
    const refused = verifier.verify(token(overrides));
    await expect(refused).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(refused).rejects.toMatchObject({ reason });
  });

  it('refuses a token signed by a key the pool does not publish under that kid', async () => {
    const impostor = generateSigningKey('cognito-key-1');
    await expect(verifier.verify(signToken(impostor, cognitoAccessClaims(pool)))).rejects.toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('fails at construction, not at the first request, on a malformed user pool id', () => {
    expect(() =>
      createAccessTokenVerifier({ ...settings, userPoolId: 'not-a-pool' }, { initialJwks: jwksOf(key) }),
    ).toThrow(/User Pool ID/);
  });
});
