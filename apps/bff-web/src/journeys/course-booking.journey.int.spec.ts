import type { TestApps } from '../../../../libs/testing/src/apps';
import {
  courseDraft,
  eventually,
  httpClient,
  signUp,
  signUpInstructor,
  startJourneyApps,
  type Answer,
} from './journey-kit';

interface Course {
  courseId: string;
  status: string;
  seatsLeft: number;
  version: number;
  title: string;
}
interface Search {
  items: { courseId: string }[];
  total: number;
  facets: { tags: { value: string; count: number }[]; levels: { value: string; count: number }[] };
}
interface Seats {
  capacity: number;
  reserved: number;
  left: number;
}

describe('booking a course through bff-web, against the real user, course and projection apps', () => {
  let apps: TestApps;
  const edge = httpClient(() => apps.urls['bff-web']!);
  const projection = httpClient(() => apps.urls.projection!);
  let instructor: { userId: string; token: string };
  let learner: { userId: string; token: string };
  let courseId: string;

  const detail = () => edge<Course>('GET', `/api/courses/${courseId}`);
  const seatsRead = () =>
    projection<Seats>('GET', `/read/courses/${courseId}/seats`, { token: learner.token });
  const search = (query: string) => edge<Search>('GET', `/api/courses?${query}`);

  beforeAll(async () => {
    apps = await startJourneyApps();
    instructor = await signUpInstructor(edge, 'ines@example.com');
    learner = await signUp(edge, 'lea@example.com');
  });
  afterAll(() => apps?.close());

  it('lets an instructor create, edit at the ETag the catalog shows, and publish a course', async () => {
    const refused = await edge('POST', '/api/courses', { token: learner.token, body: courseDraft() });
    expect(refused.status).toBe(403);

    const created = await edge<Course>('POST', '/api/courses', {
      token: instructor.token,
      body: courseDraft({ title: 'Event Sorcery' }),
    });
    expect(created.status).toBe(201);
    courseId = created.body.courseId;
    expect(created.headers.get('location')).toBe(`/api/courses/${courseId}`);
    expect(created.headers.get('etag')).toBe(`W/"${created.body.version}"`);

    // The catalog is a read model: its ETag names the same stream revision the write side checks.
    const draft = await eventually(
      () => edge<Course>('GET', `/api/courses/${courseId}`, { token: instructor.token }),
      (answer) => answer.status === 200,
    );
    expect(draft.headers.get('etag')).toBe(created.headers.get('etag'));
    expect((await detail()).status).toBe(404);

    const edited = await edge<Course>('PATCH', `/api/courses/${courseId}`, {
      token: instructor.token,
      headers: { 'if-match': draft.headers.get('etag')! },
      body: { title: 'Event Sourcing in Practice' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).not.toBe(draft.headers.get('etag'));

    const stale = await edge('PATCH', `/api/courses/${courseId}`, {
      token: instructor.token,
      headers: { 'if-match': draft.headers.get('etag')! },
      body: { title: 'Too late' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ type: 'urn:quizbook:problem:stale-version' });
    const missing = await edge('PATCH', `/api/courses/${courseId}`, {
      token: instructor.token,
      body: { title: 'No version' },
    });
    expect(missing.status).toBe(428);

    const published = await edge<Course>('POST', `/api/courses/${courseId}/publish`, {
      token: instructor.token,
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', title: 'Event Sourcing in Practice' });
  });

  it('lets anyone find the published course by words, tag and level, with facets', async () => {
    const found = await eventually(
      () => search('q=sourcing'),
      (answer) => answer.body.items?.some((item) => item.courseId === courseId),
    );
    expect(found.status).toBe(200);
    expect(found.body.facets.levels).toEqual(expect.arrayContaining([{ value: 'intermediate', count: 1 }]));
    expect(found.body.facets.tags).toEqual(expect.arrayContaining([{ value: 'events', count: 1 }]));

    const byFilters = await search('tag=events&level=intermediate');
    expect(byFilters.body.items.map((item) => item.courseId)).toEqual([courseId]);
    expect((await search('tag=events&level=beginner')).body.total).toBe(0);

    const invalid = await search('level=expert&pageSize=1000');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('takes a seat for an order from the cart, once per Idempotency-Key, and gives it back on cancel', async () => {
    const { capacity } = courseDraft();
    const added = await edge<{ lines: { courseId: string }[] }>('POST', '/api/cart/items', {
      token: learner.token,
      body: { courseId },
    });
    expect(added.status).toBe(200);
    expect(added.body.lines.map((line) => line.courseId)).toEqual([courseId]);

    const headers = { 'idempotency-key': 'journey-order-1' };
    const placed = await edge<{ orderId: string; status: string }>('POST', '/api/orders', {
      token: learner.token,
      headers,
    });
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('awaiting-payment');
    const again = await edge<{ orderId: string }>('POST', '/api/orders', { token: learner.token, headers });
    expect(again.status).toBe(201);
    expect(again.body.orderId).toBe(placed.body.orderId);

    const seatTaken = (answer: Answer<Course>) => answer.body.seatsLeft === capacity - 1;
    expect((await eventually(detail, seatTaken)).body.seatsLeft).toBe(capacity - 1);
    expect((await eventually(seatsRead, (answer) => answer.body.left === capacity - 1)).body).toMatchObject({
      capacity,
      reserved: 1,
      left: capacity - 1,
    });

    const order = await edge<{ status: string; history: { status: string }[] }>(
      'GET',
      `/api/orders/${placed.body.orderId}`,
      { token: learner.token },
    );
    expect(order.status).toBe(200);
    expect(order.body.status).toBe('awaiting-payment');
    const listed = await eventually(
      () => edge<{ orders: { orderId: string }[] }>('GET', '/api/orders', { token: learner.token }),
      (answer) => answer.body.orders?.length === 1,
    );
    expect(listed.body.orders.map((line) => line.orderId)).toEqual([placed.body.orderId]);
    const notYours = await edge('GET', `/api/orders/${placed.body.orderId}`, { token: instructor.token });
    expect(notYours.status).toBe(404);

    const cancelled = await edge('POST', `/api/orders/${placed.body.orderId}/cancel`, {
      token: learner.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ orderId: placed.body.orderId, status: 'cancelled' });
    expect((await eventually(detail, (answer) => answer.body.seatsLeft === capacity)).body.seatsLeft).toBe(
      capacity,
    );
    expect((await eventually(seatsRead, (answer) => answer.body.left === capacity)).body.left).toBe(capacity);

    const removed = await edge<{ lines: unknown[] }>('DELETE', `/api/cart/items/${courseId}`, {
      token: learner.token,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.lines).toEqual([]);
  });

  it('answers a learner without a token 401, and relays the course service refusing an empty cart', async () => {
    expect((await edge('GET', '/api/cart')).status).toBe(401);
    const empty = await edge('POST', '/api/orders', { token: learner.token });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ type: 'urn:quizbook:problem:cart-empty' });
  });
});
