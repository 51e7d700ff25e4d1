import { startTestApp, type TestApps } from '../../../libs/testing/src/apps';
// A spec may boot another app next to this one: the import rule guards production code, and the
// flow through bff-web into the real user service is exactly what this spec is for.
import { testOnlyArgon2Cost } from '../../user/src/passwords/password-hasher';
import { createUserApp } from '../../user/src/user.app';
import { bffWebApp } from './bff-web.app';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const adminEmail = 'root@quizbook.test';
const password = 'Correct-horse-42';

describe('signing up and in through bff-web, against the real user service', () => {
  let apps: TestApps;
  let edge: string;

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${edge}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    fetch(`${edge}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const register = async (email: string, name: string) => {
    const response = await post('/api/auth/register', { email, password, name });
    expect(response.status).toBe(201);
    return ((await response.json()) as { userId: string }).userId;
  };
  const logIn = async (email: string) => {
    const response = await post('/api/auth/login', { email, password });
    expect(response.status).toBe(200);
    return (await response.json()) as TokenPair;
  };

  beforeAll(async () => {
    // Embedded default: SQLite in a temp dir, memory bus and cache; bff-web pointed at the user app.
    apps = await startTestApp([createUserApp({ passwordCost: testOnlyArgon2Cost }), bffWebApp], {
      env: { ADMIN_EMAILS: adminEmail },
    });
    edge = apps.urls['bff-web']!;
  });

  afterAll(() => apps?.close());

  it('registers, logs in, reads the profile, refreshes, logs out; the old refresh token is refused', async () => {
    const userId = await register('ada@example.com', 'Ada');
    const first = await logIn('ada@example.com');
    expect(first.expiresIn).toBeGreaterThan(0);

    const me = await get('/api/me', first.accessToken);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      userId,
      email: 'ada@example.com',
      name: 'Ada',
      roles: ['learner'],
    });

    const refreshed = await post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenPair;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await get('/api/me', second.accessToken)).status).toBe(200);

    const loggedOut = await post(
      '/api/auth/logout',
      { refreshToken: second.refreshToken },
      second.accessToken,
    );
    expect(loggedOut.status).toBe(204);

    for (const used of [first.refreshToken, second.refreshToken]) {
      const refused = await post('/api/auth/refresh', { refreshToken: used });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('relays the user service refusing a taken email as a 409 problem', async () => {
    await register('grace@example.com', 'Grace');
    const again = await post('/api/auth/register', { email: 'grace@example.com', password, name: 'Grace' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses bad credentials with 401', async () => {
    const response = await post('/api/auth/login', { email: 'nobody@example.com', password });
    expect(response.status).toBe(401);
  });

  it('answers /api/me without a token with a 401 problem', async () => {
    const response = await get('/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a learner granting roles with 403, and lets an admin grant one', async () => {
    const learnerId = await register('lin@example.com', 'Lin');
    const learner = await logIn('lin@example.com');
    const refused = await post(`/api/admin/users/${learnerId}/roles`, { role: 'admin' }, learner.accessToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    await register(adminEmail, 'Root');
    const admin = await logIn(adminEmail);
    const granted = await post(
      `/api/admin/users/${learnerId}/roles`,
      { role: 'instructor' },
      admin.accessToken,
    );
    expect(granted.status).toBe(200);
    expect(await granted.json()).toMatchObject({
      userId: learnerId,
      roles: expect.arrayContaining(['instructor']),
    });

    const unknown = await post(
      '/api/admin/users/no-such-user/roles',
      { role: 'instructor' },
      admin.accessToken,
    );
    expect(unknown.status).toBe(404);
  });

  it('serves the user service keys at the public JWKS route', async () => {
    const response = await get('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: { kid: string; kty: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA' });
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
  });
});
