import { startTestApp, type TestApps } from '../../../../libs/testing/src/apps';
import { bffWebApp } from '../bff-web.app';
import { httpFrom } from '../testing/http-from';
import { ServiceDouble } from '../testing/service.double';

const takenEmail = {
  type: 'urn:quizbook:problem:email-taken',
  title: 'Conflict',
  status: 409,
  detail: 'That email is already registered.',
  instance: '/auth/register',
};
const registration = { email: 'ada@example.com', password: 'Correct-horse-1', name: 'Ada' };

describe('bff-web relaying to the user service', () => {
  const userService = new ServiceDouble();
  let apps: TestApps;

  beforeAll(async () => {
    await userService.start();
    apps = await startTestApp(bffWebApp, { env: { USER_SERVICE_URL: userService.url } });
  });

  afterAll(async () => {
    await apps?.close();
    await userService.stop();
  });

  it("relays the user service's problem with its status and body unchanged", async () => {
    userService.answer('POST /auth/register', {
      status: 409,
      contentType: 'application/problem+json',
      body: JSON.stringify(takenEmail),
    });
    const answer = await httpFrom(`${apps.url}/api/auth/register`, {
      method: 'POST',
      body: registration,
      headers: { 'x-correlation-id': 'relay-1' },
    });

    expect(answer.status).toBe(409);
    expect(answer.header('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toEqual(takenEmail);
    const call = userService.calls.find((recorded) => recorded.headers['x-correlation-id'] === 'relay-1');
    expect(call).toMatchObject({ method: 'POST', path: '/auth/register' });
    expect(JSON.parse(call!.body)).toEqual(registration);
  });

  it('relays a success with its status and body', async () => {
    userService.answer('POST /auth/register', {
      status: 201,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ userId: 'u-1' }),
    });
    const answer = await httpFrom(`${apps.url}/api/auth/register`, { method: 'POST', body: registration });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual({ userId: 'u-1' });
  });

  it('answers a 502 problem, without the upstream body, when the user service crashes', async () => {
    userService.answer('POST /auth/login', {
      status: 500,
      contentType: 'text/html',
      body: '<pre>Error: pool exhausted at mysql://root:pw@10.0.0.7</pre>',
    });
    const answer = await httpFrom(`${apps.url}/api/auth/login`, {
      method: 'POST',
      body: { email: 'ada@example.com', password: 'whatever' },
    });
    expect(answer.status).toBe(502);
    expect(answer.header('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toMatchObject({ type: 'urn:quizbook:problem:upstream-failed', status: 502 });
    expect(answer.body).not.toMatch(/pool exhausted|10\.0\.0\.7/);
  });

  describe('when the user service is down', () => {
    const gone = new ServiceDouble();
    let lonely: TestApps;

    beforeAll(async () => {
      await gone.start();
      const deadUrl = gone.url;
      await gone.stop();
      lonely = await startTestApp(bffWebApp, { env: { USER_SERVICE_URL: deadUrl } });
    });

    afterAll(() => lonely?.close());

    it('answers a 503 problem that names no host or port', async () => {
      const answer = await httpFrom(`${lonely.url}/api/auth/login`, {
        method: 'POST',
        body: { email: 'ada@example.com', password: 'whatever' },
      });
      expect(answer.status).toBe(503);
      expect(answer.header('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json()).toMatchObject({ type: 'urn:quizbook:problem:upstream-unavailable', status: 503 });
      expect(answer.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
    });
  });
});
