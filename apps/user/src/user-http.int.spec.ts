import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApps } from '@quizbook/testing';
import { testOnlyArgon2Cost } from './passwords/password-hasher';
import { call, kidOf, type Session } from './testing/http';
import { createUserApp } from './user.app';

const userApp = () => createUserApp({ passwordCost: testOnlyArgon2Cost });
const password = 'correct horse 1';

describe('user service over HTTP', () => {
  let apps: TestApps;
  const api = (method: string, route: string, options?: { body?: unknown; token?: string }) =>
    call(apps.url, method, route, options);
  const register = (email: string, name = 'Someone') =>
    api('POST', '/auth/register', { body: { email, password, name } });
  const logIn = async (email: string) =>
    (await api('POST', '/auth/login', { body: { email, password } })).body as unknown as Session;

  beforeAll(async () => {
    apps = await startTestApp(userApp(), { env: { ADMIN_EMAILS: 'boss@example.com' } });
  });
  afterAll(() => apps.close());

  describe('registration', () => {
    it('registers a user: 201 with the new id', async () => {
      const response = await register('ada@example.com', 'Ada');
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ userId: expect.any(String) });
    });

    it('answers a taken email (in any case) with a 409 email-taken problem', async () => {
      await register('taken@example.com');
      const response = await register(' TAKEN@example.com');
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: 'urn:quizbook:problem:email-taken', status: 409 });
    });

    it('answers a weak password and a bad email with a validation problem naming the fields', async () => {
      const response = await api('POST', '/auth/register', {
        body: { email: 'nope', password: 'aaaaaaaaaaaa', name: 'X' },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: 'urn:quizbook:problem:validation' });
      const errors = response.body.errors as { field: string; message: string }[];
      expect(errors.map((error) => error.field).sort()).toEqual(['email', 'password']);
      expect(errors.find((error) => error.field === 'password')?.message).toMatch(/single character/);
    });

    it('registers exactly one user of 20 concurrent registrations of one email; the other 19 get 409', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => register('race@example.com', `R${i}`)),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    });
  });

  describe('sessions', () => {
    beforeAll(() => register('sam@example.com', 'Sam'));

    it('logs in with 200 and a token pair, and answers an unknown email exactly like a wrong password', async () => {
      const ok = await api('POST', '/auth/login', { body: { email: 'Sam@Example.com', password } });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      const wrong = await api('POST', '/auth/login', {
        body: { email: 'sam@example.com', password: 'wrong horse 1' },
      });
      const unknown = await api('POST', '/auth/login', { body: { email: 'nobody@example.com', password } });
      expect(wrong.status).toBe(401);
      const { instance: _a, correlationId: _b, ...wrongProblem } = wrong.body;
      const { instance: _c, correlationId: _d, ...unknownProblem } = unknown.body;
      expect(unknownProblem).toEqual(wrongProblem);
    });

    it('serves the profile to the bearer of an access token, and 401 without one', async () => {
      const session = await logIn('sam@example.com');
      const me = await api('GET', '/users/me', { token: session.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        userId: expect.any(String),
        email: 'sam@example.com',
        name: 'Sam',
        roles: ['learner'],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect((await api('GET', '/users/me')).status).toBe(401);
    });

    it('rotates refresh tokens: each refresh returns a new pair and uses up the old token', async () => {
      const first = await logIn('sam@example.com');
      const second = await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      const next = second.body as unknown as Session;
      expect(next.refreshToken).not.toBe(first.refreshToken);
      expect((await api('GET', '/users/me', { token: next.accessToken })).status).toBe(200);
      expect((await api('POST', '/auth/refresh', { body: { refreshToken: next.refreshToken } })).status).toBe(
        200,
      );
    });

    it('revokes the whole family when a used refresh token is presented again: the newer token stops working too', async () => {
      const first = await logIn('sam@example.com');
      const rotated = (await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } }))
        .body as unknown as Session;
      const reuse = await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(reuse.status).toBe(401);
      expect(reuse.body).toMatchObject({ type: 'urn:quizbook:problem:invalid-refresh-token' });
      expect(
        (await api('POST', '/auth/refresh', { body: { refreshToken: rotated.refreshToken } })).status,
      ).toBe(401);
    });

    it('logs out with 204, after which the refresh token is refused', async () => {
      const session = await logIn('sam@example.com');
      const out = await api('POST', '/auth/logout', {
        token: session.accessToken,
        body: { refreshToken: session.refreshToken },
      });
      expect(out.status).toBe(204);
      expect(
        (await api('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
    });

    it('requires a bearer token to log out', async () => {
      expect((await api('POST', '/auth/logout', { body: { refreshToken: 'x' } })).status).toBe(401);
    });
  });

  describe('roles', () => {
    let admin: Session;
    let learner: Session;
    let learnerId: string;

    beforeAll(async () => {
      await register('boss@example.com', 'Boss');
      learnerId = (await register('lee@example.com', 'Lee')).body.userId as string;
      admin = await logIn('boss@example.com');
      learner = await logIn('lee@example.com');
    });

    it('gives ADMIN_EMAILS the admin role at registration', async () => {
      expect((await api('GET', '/users/me', { token: admin.accessToken })).body.roles).toEqual([
        'learner',
        'admin',
      ]);
    });

    it('lets an admin grant and revoke roles, answering the profile; the cached profile follows', async () => {
      expect((await api('GET', '/users/me', { token: learner.accessToken })).body.roles).toEqual(['learner']);
      const granted = await api('POST', `/users/${learnerId}/roles`, {
        token: admin.accessToken,
        body: { role: 'instructor' },
      });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ userId: learnerId, roles: ['learner', 'instructor'] });
      expect((await api('GET', '/users/me', { token: learner.accessToken })).body.roles).toEqual([
        'learner',
        'instructor',
      ]);
      const revoked = await api('DELETE', `/users/${learnerId}/roles/instructor`, {
        token: admin.accessToken,
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ roles: ['learner'] });
      expect((await api('GET', '/users/me', { token: learner.accessToken })).body.roles).toEqual(['learner']);
    });

    it('answers 404 for an unknown user, 400 for an unknown role, 403 for a non-admin', async () => {
      expect(
        (await api('POST', '/users/nobody/roles', { token: admin.accessToken, body: { role: 'admin' } }))
          .status,
      ).toBe(404);
      expect((await api('DELETE', '/users/nobody/roles/admin', { token: admin.accessToken })).status).toBe(
        404,
      );
      expect(
        (
          await api('POST', `/users/${learnerId}/roles`, {
            token: admin.accessToken,
            body: { role: 'wizard' },
          })
        ).status,
      ).toBe(400);
      expect(
        (await api('DELETE', `/users/${learnerId}/roles/wizard`, { token: admin.accessToken })).status,
      ).toBe(400);
      expect(
        (
          await api('POST', `/users/${learnerId}/roles`, {
            token: learner.accessToken,
            body: { role: 'admin' },
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('signing keys', () => {
    it('publishes the public keys only at /.well-known/jwks.json, without a token', async () => {
      const jwks = await api('GET', '/.well-known/jwks.json');
      expect(jwks.status).toBe(200);
      const keys = jwks.body.keys as Record<string, unknown>[];
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
        expect(key).not.toHaveProperty('d');
      }
    });

    it('rotates on an admin call: new tokens carry the new kid, tokens of the old key stay valid', async () => {
      await register('keymaster@example.com');
      const admin = await logIn('boss@example.com');
      const rotated = await api('POST', '/admin/signing-keys/rotate', { token: admin.accessToken });
      expect(rotated.status).toBe(200);
      const kid = rotated.body.kid as string;
      expect(kidOf(admin.accessToken)).not.toBe(kid);
      expect((await api('GET', '/users/me', { token: admin.accessToken })).status).toBe(200);
      const fresh = await logIn('keymaster@example.com');
      expect(kidOf(fresh.accessToken)).toBe(kid);
      expect((await api('GET', '/users/me', { token: fresh.accessToken })).status).toBe(200);
      const kids = ((await api('GET', '/.well-known/jwks.json')).body.keys as { kid: string }[]).map(
        (k) => k.kid,
      );
      expect(kids).toEqual(expect.arrayContaining([kid, kidOf(admin.accessToken)]));
    });

    it('refuses a rotation by a non-admin', async () => {
      const session = await logIn('keymaster@example.com');
      expect((await api('POST', '/admin/signing-keys/rotate', { token: session.accessToken })).status).toBe(
        403,
      );
    });
  });
});

describe('user service across a restart', () => {
  it('keeps its signing keys: a token issued before the restart verifies after it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qb-user-restart-'));
    const env = { EVENT_STORE_URL: `sqlite:${dir}/events.db`, READ_DB_URL: `sqlite:${dir}/read.db` };
    try {
      const before = await startTestApp(userApp(), { env });
      await call(before.url, 'POST', '/auth/register', {
        body: { email: 'ada@example.com', password, name: 'Ada' },
      });
      const session = (
        await call(before.url, 'POST', '/auth/login', { body: { email: 'ada@example.com', password } })
      ).body as unknown as Session;
      await before.close();

      const after = await startTestApp(userApp(), { env });
      try {
        expect((await call(after.url, 'GET', '/users/me', { token: session.accessToken })).status).toBe(200);
        expect(
          (await call(after.url, 'POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } }))
            .status,
        ).toBe(200);
      } finally {
        await after.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
