import { startTestApp, type TestApps } from '../libs/testing/src/apps';
import { allApps } from './all-apps';

const expectedChecks: Record<string, string[]> = {
  user: ['eventStore', 'bus', 'readDb', 'cache'],
  course: ['eventStore', 'bus', 'readDb'],
  payment: ['eventStore', 'bus'],
  quiz: ['eventStore', 'bus'],
  'quiz-result': ['eventStore', 'bus', 'readDb'],
  notification: ['bus', 'readDb'],
  projection: ['eventStore', 'readDb'],
  'bff-web': ['cache'],
};

describe('all eight apps in one process', () => {
  let apps: TestApps;

  beforeAll(async () => {
    apps = await startTestApp(allApps);
  });

  afterAll(async () => {
    await apps?.close();
  });

  it.each(Object.entries(expectedChecks))(
    '%s is ready, listing each of its dependencies as up',
    async (name, checks) => {
      const response = await fetch(`${apps.urls[name]}/health/ready`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as {
        status: string;
        app: string;
        checks: Record<string, { status: string }>;
      };
      expect(report).toMatchObject({ status: 'ready', app: name });
      // The projection app adds one check per registered projection; the dependencies are always there.
      for (const check of checks) expect(report.checks[check]).toEqual({ status: 'up' });
    },
  );

  it('every app is live', async () => {
    for (const url of Object.values(apps.urls)) expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('serves Prometheus metrics labelled with the app, including request durations', async () => {
    const url = apps.urls.course!;
    await fetch(`${url}/health/live`);
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('quizbook_app_info{app="course"} 1');
    const buckets = text
      .split('\n')
      .filter((line) => line.startsWith('http_request_duration_seconds_bucket{'));
    expect(
      buckets.some((line) => line.includes('app="course"') && line.includes('route="/health/live"')),
    ).toBe(true);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(`${apps.urls['bff-web']}/no/such/route?token=x`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: 'urn:quizbook:problem:not-found',
      title: 'Not Found',
      status: 404,
      instance: '/no/such/route',
    });
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await fetch(`${apps.urls.quiz}/health/live`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"answers": [',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 400,
      title: 'Bad Request',
      instance: '/health/live',
    });
  });

  it('echoes the correlation id and writes it into the request log line of the right app', async () => {
    const response = await fetch(`${apps.urls.payment}/health/ready`, {
      headers: { 'x-correlation-id': 'trace-me-1' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('trace-me-1');
    expect(response.headers.get('x-request-id')).toBe('trace-me-1');
    // The request line is written once the response has gone out, so it may trail the response.
    for (let i = 0; i < 50 && apps.logs.find({ correlationId: 'trace-me-1' }).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(apps.logs.find({ correlationId: 'trace-me-1' })).toEqual([
      expect.objectContaining({ app: 'payment', msg: 'request', url: '/health/ready', status: 200 }),
    ]);
  });

  it('opens one event store, one bus, one cache and one read database for all of them', () => {
    expect(apps.resources.keys().sort()).toEqual([
      'bus memory:',
      'cache memory:',
      `eventStore sqlite:${apps.dir}/events.db`,
      `readDb sqlite:${apps.dir}/read.db`,
    ]);
  });
});
