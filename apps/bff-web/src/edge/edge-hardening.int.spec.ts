import { startTestApp, type TestApps } from '../../../../libs/testing/src/apps';
import { bffWebApp } from '../bff-web.app';
import { httpFrom } from '../testing/http-from';
import { ServiceDouble } from '../testing/service.double';

const allowedOrigin = 'https://app.quizbook.test';
const perIpLimit = 4;

describe('bff-web at the edge', () => {
  const userService = new ServiceDouble();
  let apps: TestApps;
  let url: string;

  beforeAll(async () => {
    await userService.start();
    userService.answer('GET /.well-known/jwks.json', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ keys: [] }),
    });
    apps = await startTestApp(bffWebApp, {
      env: {
        USER_SERVICE_URL: userService.url,
        RATE_LIMIT_PER_IP: String(perIpLimit),
        CORS_ORIGINS: `${allowedOrigin},https://admin.quizbook.test`,
        BODY_LIMIT_BYTES: '2048',
      },
    });
    url = apps.url;
  });

  afterAll(async () => {
    await apps?.close();
    await userService.stop();
  });

  describe('rate limits per client address', () => {
    it('answers the request past the limit with a 429 problem carrying Retry-After and RateLimit headers', async () => {
      const from = '127.0.0.11';
      const allowed = [];
      for (let n = 0; n < perIpLimit; n += 1)
        allowed.push(await httpFrom(`${url}/.well-known/jwks.json`, { from }));
      expect(allowed.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      expect(allowed.map((answer) => answer.header('ratelimit-remaining'))).toEqual(['3', '2', '1', '0']);
      expect(allowed[0]!.header('ratelimit-limit')).toBe(String(perIpLimit));

      const refused = await httpFrom(`${url}/.well-known/jwks.json`, { from });
      expect(refused.status).toBe(429);
      expect(refused.header('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ type: 'urn:quizbook:problem:rate-limited', status: 429 });
      const retryAfter = Number(refused.header('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.header('ratelimit-remaining')).toBe('0');
      expect(refused.header('x-request-id')).toBeTruthy();
    });

    it('leaves another address its own budget', async () => {
      for (let n = 0; n <= perIpLimit; n += 1)
        await httpFrom(`${url}/.well-known/jwks.json`, { from: '127.0.0.12' });
      const other = await httpFrom(`${url}/.well-known/jwks.json`, { from: '127.0.0.13' });
      expect(other.status).toBe(200);
      expect(other.header('ratelimit-remaining')).toBe(String(perIpLimit - 1));
    });

    it('ignores X-Forwarded-For from a peer it was not told to trust, so a client cannot dodge its limit', async () => {
      const from = '127.0.0.15';
      const answers = [];
      for (let n = 0; n <= perIpLimit; n += 1)
        answers.push(
          await httpFrom(`${url}/.well-known/jwks.json`, {
            from,
            headers: { 'x-forwarded-for': `203.0.113.${n}` },
          }),
        );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 429]);
    });

    it('never refuses health probes', async () => {
      const from = '127.0.0.14';
      for (let n = 0; n <= perIpLimit; n += 1) await httpFrom(`${url}/.well-known/jwks.json`, { from });
      expect((await httpFrom(`${url}/health/live`, { from })).status).toBe(200);
    });
  });

  describe('CORS', () => {
    it('allows a configured origin, with credentials', async () => {
      const answer = await httpFrom(`${url}/.well-known/jwks.json`, {
        from: '127.0.0.21',
        headers: { origin: allowedOrigin },
      });
      expect(answer.header('access-control-allow-origin')).toBe(allowedOrigin);
      expect(answer.header('access-control-allow-credentials')).toBe('true');
      expect(answer.header('access-control-expose-headers')).toContain('retry-after');
    });

    it('gives any other origin no CORS headers', async () => {
      const answer = await httpFrom(`${url}/.well-known/jwks.json`, {
        from: '127.0.0.21',
        headers: { origin: 'https://evil.example' },
      });
      expect(answer.header('access-control-allow-origin')).toBeUndefined();
      expect(answer.header('access-control-allow-credentials')).toBeUndefined();
    });

    it('answers a preflight from a configured origin with the methods and headers it may use', async () => {
      const answer = await httpFrom(`${url}/api/auth/logout`, {
        method: 'OPTIONS',
        from: '127.0.0.22',
        headers: {
          origin: allowedOrigin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(answer.status).toBe(204);
      expect(answer.header('access-control-allow-origin')).toBe(allowedOrigin);
      expect(answer.header('access-control-allow-methods')).toContain('POST');
      expect(answer.header('access-control-allow-headers')).toContain('authorization');
    });

    it('does not approve a preflight from another origin', async () => {
      const answer = await httpFrom(`${url}/api/auth/logout`, {
        method: 'OPTIONS',
        from: '127.0.0.22',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(answer.header('access-control-allow-origin')).toBeUndefined();
    });
  });

  it('sends security headers on every answer', async () => {
    const answer = await httpFrom(`${url}/.well-known/jwks.json`, { from: '127.0.0.31' });
    expect(answer.header('x-content-type-options')).toBe('nosniff');
    expect(answer.header('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(answer.header('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.header('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(answer.header('x-powered-by')).toBeUndefined();
  });

  it('refuses a body over the limit with a 413 problem', async () => {
    const answer = await httpFrom(`${url}/api/auth/register`, {
      method: 'POST',
      from: '127.0.0.41',
      body: { email: 'ada@example.com', password: 'correct horse 1', name: 'x'.repeat(4096) },
    });
    expect(answer.status).toBe(413);
    expect(answer.header('content-type')).toMatch(/^application\/problem\+json/);
    expect(userService.calls.filter((call) => call.path === '/auth/register')).toEqual([]);
  });

  it('refuses an invalid body before calling the user service, naming each field', async () => {
    const answer = await httpFrom(`${url}/api/auth/register`, {
      method: 'POST',
      from: '127.0.0.42',
      body: { email: 'not-an-email', password: 'short', name: 'Ada' },
    });
    expect(answer.status).toBe(400);
    const problem = answer.json<{ type: string; errors: { field: string }[] }>();
    expect(problem.type).toBe('urn:quizbook:problem:validation');
    expect(problem.errors.map((error) => error.field)).toEqual(['email', 'password']);
    expect(userService.calls.filter((call) => call.path === '/auth/register')).toEqual([]);
  });

  it('echoes the request id it was given, and makes one up otherwise', async () => {
    const given = await httpFrom(`${url}/.well-known/jwks.json`, {
      from: '127.0.0.51',
      headers: { 'x-request-id': 'edge-req-1' },
    });
    expect(given.header('x-request-id')).toBe('edge-req-1');
    const made = await httpFrom(`${url}/.well-known/jwks.json`, { from: '127.0.0.51' });
    expect(made.header('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bff-web behind a trusted proxy (TRUST_PROXY)', () => {
  const userService = new ServiceDouble();
  const proxy = '127.0.0.16';
  let apps: TestApps;

  beforeAll(async () => {
    await userService.start();
    userService.answer('GET /.well-known/jwks.json', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ keys: [] }),
    });
    apps = await startTestApp(bffWebApp, {
      env: { USER_SERVICE_URL: userService.url, RATE_LIMIT_PER_IP: String(perIpLimit), TRUST_PROXY: proxy },
    });
  });

  afterAll(async () => {
    await apps?.close();
    await userService.stop();
  });

  it('counts each client named by the proxy in X-Forwarded-For against its own budget', async () => {
    const client = (address: string) =>
      httpFrom(`${apps.url}/.well-known/jwks.json`, { from: proxy, headers: { 'x-forwarded-for': address } });
    for (let n = 0; n < perIpLimit; n += 1) expect((await client('198.51.100.1')).status).toBe(200);
    expect((await client('198.51.100.1')).status).toBe(429);
    const other = await client('198.51.100.2');
    expect(other.status).toBe(200);
    expect(other.header('ratelimit-remaining')).toBe(String(perIpLimit - 1));
  });
});
