import type { TestApps } from '@quizbook/testing';
import { courseApi, publishedCourse, startCourseApp, TestIssuer } from '../../testing/course-test-kit';

describe('cart and orders over HTTP', () => {
  const issuer = new TestIssuer();
  let apps: TestApps;
  const call = courseApi(() => apps.url);
  const instructor = issuer.tokenFor('instructor-1', ['learner', 'instructor']);
  const admin = issuer.tokenFor('admin-1', ['learner', 'admin']);
  let learnerCount = 0;
  const newLearner = () => issuer.tokenFor(`learner-${++learnerCount}`, ['learner']);
  const addToCart = (token: string, courseId: string) =>
    call('POST', '/cart/items', { token, body: { courseId } });
  const seatsLeftOf = async (courseId: string) =>
    (await call('POST', `/courses/${courseId}/publish`, { token: instructor })).body.seatsLeft;

  beforeAll(async () => {
    apps = await startCourseApp(await issuer.start());
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });

  describe('cart', () => {
    it('lists lines at the current price, and removes them', async () => {
      const token = newLearner();
      const courseId = await publishedCourse(call, instructor, { priceCents: 1000 });
      const other = await publishedCourse(call, instructor, { priceCents: 2500, title: 'CQRS' });
      await addToCart(token, courseId);
      await addToCart(token, other);
      expect((await addToCart(token, courseId)).body).toMatchObject({ totalCents: 3500 });

      const etag = (await call('POST', `/courses/${courseId}/publish`, { token: instructor })).headers.get(
        'etag',
      )!;
      await call('PATCH', `/courses/${courseId}`, {
        token: instructor,
        headers: { 'if-match': etag },
        body: { priceCents: 1200 },
      });
      const cart = await call<{ lines: { courseId: string; priceCents: number }[]; totalCents: number }>(
        'GET',
        '/cart',
        {
          token,
        },
      );
      expect(cart.status).toBe(200);
      expect(cart.body.lines.map((line) => [line.courseId, line.priceCents])).toEqual([
        [courseId, 1200],
        [other, 2500],
      ]);
      expect(cart.body.totalCents).toBe(3700);

      const removed = await call('DELETE', `/cart/items/${courseId}`, { token });
      expect(removed.body).toMatchObject({ totalCents: 2500, lines: [{ courseId: other }] });
    });

    it('refuses an unknown course with 404', async () => {
      const answer = await addToCart(newLearner(), 'no-such-course');
      expect(answer.status).toBe(404);
      expect(answer.body.type).toBe('urn:quizbook:problem:course-not-found');
    });

    it('refuses a draft and an archived course with 409 course-not-open', async () => {
      const draft = await call<{ courseId: string }>('POST', '/courses', {
        token: instructor,
        body: {
          title: 'Draft',
          level: 'beginner',
          priceCents: 0,
          currency: 'EUR',
          capacity: 3,
          startsAt: '2031-01-01T00:00:00Z',
        },
      });
      const archived = await publishedCourse(call, instructor);
      await call('POST', `/courses/${archived}/archive`, { token: instructor });
      for (const courseId of [draft.body.courseId, archived]) {
        const answer = await addToCart(newLearner(), courseId);
        expect(answer.status).toBe(409);
        expect(answer.body.type).toBe('urn:quizbook:problem:course-not-open');
      }
    });

    it('refuses a full course with 409 course-full', async () => {
      const courseId = await publishedCourse(call, instructor, { capacity: 1 });
      const first = newLearner();
      await addToCart(first, courseId);
      expect((await call('POST', '/orders', { token: first })).status).toBe(201);
      const answer = await addToCart(newLearner(), courseId);
      expect(answer.status).toBe(409);
      expect(answer.body.type).toBe('urn:quizbook:problem:course-full');
    });

    it('refuses a course the learner already holds a seat in with 409 seat-already-held', async () => {
      const token = newLearner();
      const courseId = await publishedCourse(call, instructor);
      await addToCart(token, courseId);
      expect((await call('POST', '/orders', { token })).status).toBe(201);
      const answer = await addToCart(token, courseId);
      expect(answer.status).toBe(409);
      expect(answer.body.type).toBe('urn:quizbook:problem:seat-already-held');
    });

    it('refuses a course in another currency than the cart with 422', async () => {
      const token = newLearner();
      await addToCart(token, await publishedCourse(call, instructor));
      const answer = await addToCart(token, await publishedCourse(call, instructor, { currency: 'USD' }));
      expect(answer.status).toBe(422);
      expect(answer.body.type).toBe('urn:quizbook:problem:mixed-currencies');
    });

    it('is for learners: an instructor without the learner role gets 403', async () => {
      const answer = await call('GET', '/cart', {
        token: issuer.tokenFor('only-instructor', ['instructor']),
      });
      expect(answer.status).toBe(403);
    });
  });

  describe('orders', () => {
    it('places an order from the cart: 201, seats held, cart emptied, listed with its history', async () => {
      const token = newLearner();
      const a = await publishedCourse(call, instructor, { priceCents: 1000 });
      const b = await publishedCourse(call, instructor, { priceCents: 2000 });
      await addToCart(token, a);
      await addToCart(token, b);
      const placed = await call<{ orderId: string; status: string }>('POST', '/orders', { token });
      expect(placed.status).toBe(201);
      expect(placed.body).toEqual({ orderId: expect.any(String), status: 'awaiting-payment' });
      expect((await call('GET', '/cart', { token })).body).toMatchObject({ lines: [] });
      expect(await seatsLeftOf(a)).toBe(9);

      const order = await call('GET', `/orders/${placed.body.orderId}`, { token });
      expect(order.body).toMatchObject({
        status: 'awaiting-payment',
        totalCents: 3000,
        currency: 'EUR',
        history: [{ status: 'initiated' }, { status: 'awaiting-payment' }],
      });
      const list = await call<{ orders: { orderId: string }[] }>('GET', '/orders', { token });
      expect(list.body.orders.map((listed) => listed.orderId)).toEqual([placed.body.orderId]);
    });

    it("answers 404 for another learner's order, and lets an admin see it", async () => {
      const token = newLearner();
      await addToCart(token, await publishedCourse(call, instructor));
      const { body } = await call<{ orderId: string }>('POST', '/orders', { token });
      const other = newLearner();
      expect((await call('GET', `/orders/${body.orderId}`, { token: other })).status).toBe(404);
      expect((await call('POST', `/orders/${body.orderId}/cancel`, { token: other })).status).toBe(404);
      expect((await call<{ orders: unknown[] }>('GET', '/orders', { token: other })).body.orders).toEqual([]);
      expect((await call('GET', `/orders/${body.orderId}`, { token: admin })).status).toBe(200);
      const all = await call<{ orders: { orderId: string }[] }>('GET', '/orders?pageSize=100', {
        token: admin,
      });
      expect(all.body.orders.map((listed) => listed.orderId)).toContain(body.orderId);
    });

    it('refuses an empty cart with 422', async () => {
      const answer = await call('POST', '/orders', { token: newLearner() });
      expect(answer.status).toBe(422);
      expect(answer.body.type).toBe('urn:quizbook:problem:cart-empty');
    });

    it('holds all seats or none: a full course rejects the order and releases the seats taken', async () => {
      const token = newLearner();
      const open = await publishedCourse(call, instructor);
      const full = await publishedCourse(call, instructor, { capacity: 1 });
      await addToCart(token, open);
      await addToCart(token, full);
      const rival = newLearner();
      await addToCart(rival, full);
      expect((await call('POST', '/orders', { token: rival })).status).toBe(201);

      const refused = await call('POST', '/orders', { token });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: 'urn:quizbook:problem:course-full', courseId: full });
      expect(await seatsLeftOf(open)).toBe(10);
      const order = await call('GET', `/orders/${refused.body.orderId as string}`, { token });
      expect(order.body).toMatchObject({
        status: 'rejected',
        rejection: { reason: 'course-full', courseId: full },
      });
      expect((await call<{ lines: unknown[] }>('GET', '/cart', { token })).body.lines).toHaveLength(2);
    });

    it('cancels an unpaid order and releases its seats; cancelling again changes nothing', async () => {
      const token = newLearner();
      const courseId = await publishedCourse(call, instructor, { capacity: 2 });
      await addToCart(token, courseId);
      const { body } = await call<{ orderId: string }>('POST', '/orders', { token });
      expect(await seatsLeftOf(courseId)).toBe(1);

      const cancelled = await call('POST', `/orders/${body.orderId}/cancel`, { token });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toEqual({ orderId: body.orderId, status: 'cancelled' });
      expect(await seatsLeftOf(courseId)).toBe(2);
      expect((await call('POST', `/orders/${body.orderId}/cancel`, { token })).body).toMatchObject({
        status: 'cancelled',
      });
      // The seat is free again for the same learner.
      expect((await addToCart(token, courseId)).status).toBe(200);
    });

    it('refuses to cancel a rejected order with 409', async () => {
      const token = newLearner();
      const courseId = await publishedCourse(call, instructor, { capacity: 1 });
      const rival = newLearner();
      await addToCart(rival, courseId);
      await addToCart(token, courseId);
      await call('POST', '/orders', { token: rival });
      const rejected = await call('POST', '/orders', { token });
      const answer = await call('POST', `/orders/${rejected.body.orderId as string}/cancel`, { token });
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        type: 'urn:quizbook:problem:order-not-cancellable',
        orderStatus: 'rejected',
      });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a repeated POST with the first response: same order, same status code', async () => {
      const token = newLearner();
      await addToCart(token, await publishedCourse(call, instructor));
      const headers = { 'idempotency-key': 'key-repeat' };
      const first = await call('POST', '/orders', { token, headers, body: {} });
      const again = await call('POST', '/orders', { token, headers, body: {} });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect((await call<{ orders: unknown[] }>('GET', '/orders', { token })).body.orders).toHaveLength(1);
    });

    it('replays a refusal too', async () => {
      const token = newLearner();
      const headers = { 'idempotency-key': 'key-empty' };
      const first = await call('POST', '/orders', { token, headers });
      await addToCart(token, await publishedCourse(call, instructor));
      const again = await call('POST', '/orders', { token, headers });
      expect([first.status, again.status]).toEqual([422, 422]);
      expect(again.body.type).toBe('urn:quizbook:problem:cart-empty');
    });

    it('refuses the same key with another body with 422 idempotency-key-reused', async () => {
      const token = newLearner();
      const a = await publishedCourse(call, instructor);
      const b = await publishedCourse(call, instructor);
      await addToCart(token, a);
      await addToCart(token, b);
      const headers = { 'idempotency-key': 'key-reused' };
      expect((await call('POST', '/orders', { token, headers, body: { courseIds: [a] } })).status).toBe(201);
      const reused = await call('POST', '/orders', { token, headers, body: { courseIds: [b] } });
      expect(reused.status).toBe(422);
      expect(reused.body.type).toBe('urn:quizbook:problem:idempotency-key-reused');
    });

    it('places one order for concurrent duplicates', async () => {
      const token = newLearner();
      const courseId = await publishedCourse(call, instructor);
      await addToCart(token, courseId);
      const headers = { 'idempotency-key': 'key-concurrent' };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => call('POST', '/orders', { token, headers })),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((answer) => answer.body.orderId)).size).toBe(1);
      expect((await call<{ orders: unknown[] }>('GET', '/orders', { token })).body.orders).toHaveLength(1);
      expect(await seatsLeftOf(courseId)).toBe(9);
    });

    it('keeps keys per learner: the same key from another learner is their own', async () => {
      const headers = { 'idempotency-key': 'key-shared' };
      const orderIds = [];
      for (const token of [newLearner(), newLearner()]) {
        await addToCart(token, await publishedCourse(call, instructor));
        orderIds.push((await call('POST', '/orders', { token, headers })).body.orderId);
      }
      expect(orderIds[0]).not.toBe(orderIds[1]);
    });
  });
});
