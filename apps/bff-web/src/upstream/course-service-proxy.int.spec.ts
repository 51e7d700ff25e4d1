import { EdgeBehindDoubles, lastCall } from '../testing/edge-behind-doubles';
import { ServiceDouble } from '../testing/service.double';

const json = 'application/json; charset=utf-8';
const problemJson = 'application/problem+json';

describe('bff-web relaying to the course and payment services', () => {
  const courses = new ServiceDouble();
  const payments = new ServiceDouble();
  const edge = new EdgeBehindDoubles({ COURSE_SERVICE_URL: courses, PAYMENT_SERVICE_URL: payments });
  const tokenOf = edge.tokenFor.bind(edge);
  const call = edge.call.bind(edge);

  beforeAll(() => edge.start());
  afterAll(() => edge.close());

  it('forwards If-Match and relays the 412 problem and a new ETag unchanged', async () => {
    const stale = {
      type: 'urn:quizbook:problem:stale-version',
      title: 'Precondition Failed',
      status: 412,
      detail: 'x',
    };
    courses.answer('PATCH /courses/c-1', {
      status: 412,
      contentType: problemJson,
      body: JSON.stringify(stale),
    });
    const instructor = tokenOf('ines', ['learner', 'instructor']);
    const refused = await call('PATCH', '/api/courses/c-1', {
      token: instructor,
      headers: { 'if-match': 'W/"2"' },
      body: { title: 'New title' },
    });
    expect(refused.status).toBe(412);
    expect(refused.header('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toEqual(stale);
    expect(lastCall(courses)).toMatchObject({
      method: 'PATCH',
      path: '/courses/c-1',
      headers: { 'if-match': 'W/"2"', authorization: `Bearer ${instructor}` },
    });

    courses.answer('PATCH /courses/c-1', {
      status: 200,
      contentType: json,
      body: JSON.stringify({ courseId: 'c-1', version: 3 }),
      headers: { etag: 'W/"3"' },
    });
    const edited = await call('PATCH', '/api/courses/c-1', {
      token: instructor,
      headers: { 'if-match': 'W/"2"' },
      body: { title: 'New title' },
    });
    expect(edited.status).toBe(200);
    expect(edited.header('etag')).toBe('W/"3"');
  });

  it('refuses a learner creating a course with 403, without calling the course service', async () => {
    const before = courses.calls.length;
    const refused = await call('POST', '/api/courses', { token: tokenOf('lea', ['learner']), body: {} });
    expect(refused.status).toBe(403);
    expect(courses.calls.length).toBe(before);
  });

  it('relays the Location of a new course under /api, where the edge serves it', async () => {
    courses.answer('POST /courses', {
      status: 201,
      contentType: json,
      body: JSON.stringify({ courseId: 'c-9', version: 0 }),
      headers: { etag: 'W/"0"', location: '/courses/c-9' },
    });
    const created = await call('POST', '/api/courses', {
      token: tokenOf('ines', ['instructor']),
      body: {
        title: 'T',
        level: 'beginner',
        priceCents: 100,
        currency: 'EUR',
        capacity: 5,
        startsAt: '2030-01-01T00:00:00Z',
      },
    });
    expect(created.status).toBe(201);
    expect(created.header('location')).toBe('/api/courses/c-9');
    expect(created.header('etag')).toBe('W/"0"');
  });

  it('forwards the Idempotency-Key of an order and relays a Retry-After', async () => {
    courses.answer('POST /orders', {
      status: 429,
      contentType: problemJson,
      body: JSON.stringify({ type: 'urn:quizbook:problem:rate-limited', status: 429 }),
      headers: { 'retry-after': '7' },
    });
    const answer = await call('POST', '/api/orders', {
      token: tokenOf('lea', ['learner']),
      headers: { 'idempotency-key': 'key-1' },
    });
    expect(answer.status).toBe(429);
    expect(answer.header('retry-after')).toBe('7');
    expect(lastCall(courses).headers['idempotency-key']).toBe('key-1');

    const badKey = await call('POST', '/api/orders', {
      token: tokenOf('lea', ['learner']),
      headers: { 'idempotency-key': 'has spaces in it' },
    });
    expect(badKey.status).toBe(400);
  });

  it('validates the search query at the edge and forwards it normalized', async () => {
    const before = courses.calls.length;
    const invalid = await call('GET', '/api/courses?level=expert');
    expect(invalid.status).toBe(400);
    expect(courses.calls.length).toBe(before);

    courses.answer('GET /courses?q=events&level=beginner&page=1&pageSize=20', {
      status: 200,
      contentType: json,
      body: JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20, facets: { tags: [], levels: [] } }),
    });
    const found = await call('GET', '/api/courses?q=%20events%20&tag=&level=beginner');
    expect(found.status).toBe(200);
    expect(found.json()).toMatchObject({ total: 0 });
  });

  it("forwards an optional principal on a course's detail, and none when anonymous", async () => {
    courses.answer('GET /courses/c-2', { status: 200, contentType: json, body: '{"courseId":"c-2"}' });
    const owner = tokenOf('ines', ['instructor']);
    await call('GET', '/api/courses/c-2', { token: owner });
    expect(lastCall(courses).headers.authorization).toBe(`Bearer ${owner}`);
    await call('GET', '/api/courses/c-2');
    expect(lastCall(courses).headers.authorization).toBeUndefined();
  });

  it('relays checkout to the payment service', async () => {
    const session = {
      checkoutUrl: 'http://127.0.0.1:3003/pay/s-1',
      sessionId: 's-1',
      expiresAt: '2030-01-01T00:30:00Z',
    };
    payments.answer('POST /orders/o-1/checkout', {
      status: 200,
      contentType: json,
      body: JSON.stringify(session),
    });
    const answer = await call('POST', '/api/orders/o-1/checkout', { token: tokenOf('lea', ['learner']) });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(session);
  });
});
