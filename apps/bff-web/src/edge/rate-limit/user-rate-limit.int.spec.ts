import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  signToken,
} from '../../../../../libs/auth/src/testing';
import { startTestApp, type TestApps } from '../../../../../libs/testing/src/apps';
import { bffWebApp } from '../../bff-web.app';
import { httpFrom } from '../../testing/http-from';
import { ServiceDouble } from '../../testing/service.double';

const perUserLimit = 3;
const issuer = { issuer: 'urn:quizbook:user-service', audience: 'quizbook' };

describe('bff-web rate limit per signed-in user', () => {
  const key = generateSigningKey('edge-key');
  const userService = new ServiceDouble();
  let apps: TestApps;
  const tokenOf = (sub: string) => signToken(key, localAccessClaims(issuer, { sub }));
  const me = (token: string, from: string) =>
    httpFrom(`${apps.url}/api/me`, { from, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    await userService.start();
    userService.answer('GET /.well-known/jwks.json', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(jwksOf(key)),
    });
    userService.answer('GET /users/me', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ userId: 'whoever' }),
    });
    apps = await startTestApp(bffWebApp, {
      env: {
        USER_SERVICE_URL: userService.url,
        RATE_LIMIT_PER_USER: String(perUserLimit),
        RATE_LIMIT_PER_IP: '100',
      },
    });
  });

  afterAll(async () => {
    await apps?.close();
    await userService.stop();
  });

  it("counts one user's requests across addresses, refusing the one past the limit", async () => {
    const token = tokenOf('roaming-user');
    const answers = [];
    for (const from of ['127.0.0.61', '127.0.0.62', '127.0.0.63']) answers.push(await me(token, from));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);

    const refused = await me(token, '127.0.0.64');
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'urn:quizbook:problem:rate-limited' });
    expect(Number(refused.header('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.header('ratelimit-limit')).toBe(String(perUserLimit));
  });

  it('leaves another user on the same address their own budget', async () => {
    const from = '127.0.0.65';
    for (let n = 0; n <= perUserLimit; n += 1) await me(tokenOf('busy-user'), from);
    const other = await me(tokenOf('quiet-user'), from);
    expect(other.status).toBe(200);
  });

  it('refuses /api/me without a token with a 401 problem, before calling the user service', async () => {
    const before = userService.calls.length;
    const answer = await httpFrom(`${apps.url}/api/me`, { from: '127.0.0.66' });
    expect(answer.status).toBe(401);
    expect(answer.header('content-type')).toMatch(/^application\/problem\+json/);
    expect(userService.calls.slice(before).filter((call) => call.path === '/users/me')).toEqual([]);
  });
});
