import path from 'node:path';
import type { Role } from '@quizbook/auth';
import { type EventStore, openEventStore } from '@quizbook/eventstore';
import { startTestApp, TestTokenIssuer, type TestApps } from '@quizbook/testing';
import { projectionApp } from '../../projection.app';
import { courseAndOrderEvents } from '../testing/course-and-order-events';

describe('the projection service read API', () => {
  const issuer = new TestTokenIssuer();
  const tokenFor = (sub: string, roles?: Role[]) => issuer.tokenFor(sub, roles);
  let apps: TestApps;
  let writer: EventStore;

  const get = async (route: string, token?: string) => {
    const response = await fetch(`${apps.url}${route}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** Read models lag the append by a moment: ask again until the answer is there (bounded). */
  const eventually = async (
    route: string,
    token: string,
    done: (body: Record<string, unknown>) => boolean,
  ) => {
    for (let attempt = 0; ; attempt++) {
      const response = await get(route, token);
      if ((response.status === 200 && done(response.body)) || attempt >= 200) return response;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    apps = await startTestApp(projectionApp, { env: { USER_SERVICE_URL: await issuer.start() } });
    writer = await openEventStore(`sqlite:${path.join(apps.dir, 'events.db')}`);
    const events = courseAndOrderEvents(writer);
    await events.draft('c1', 4, 'owner-1');
    await events.publish('c1');
    await events.draft('c-draft', 4, 'owner-1');
    await events.reserve('c1', 'o1', 'learner-1');
    await events.confirm('c1', 'o1', 'learner-1');
    await events.reserve('c1', 'o2', 'learner-2');
    await events.initiateOrder('o1', 'learner-1', 'c1');
    await events.pay('o1');
    await events.initiateOrder('o2', 'learner-2', 'c1');
  });
  afterAll(async () => {
    await writer?.close();
    await apps?.close();
    await issuer.close();
  });

  it('refuses a caller without a bearer token', async () => {
    const response = await get('/read/courses/c1/seats');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ type: 'urn:quizbook:problem:unauthorized' });
  });

  it('answers seat counts per course', async () => {
    const response = await eventually(
      '/read/courses/c1/seats',
      tokenFor('anyone'),
      (body) => body.reserved === 1,
    );
    expect(response.body).toEqual({ courseId: 'c1', capacity: 4, reserved: 1, confirmed: 1, left: 2 });
    expect((await get('/read/courses/nope/seats', tokenFor('anyone'))).status).toBe(404);
  });

  it('answers a published course to anyone, a draft only to its owner or an admin', async () => {
    const course = await eventually('/read/courses/c1', tokenFor('anyone'), () => true);
    expect(course.body).toMatchObject({ courseId: 'c1', status: 'published' });
    expect((await get('/read/courses/c-draft', tokenFor('someone-else'))).status).toBe(404);
    expect((await get('/read/courses/c-draft', tokenFor('owner-1', ['instructor']))).status).toBe(200);
    expect((await get('/read/courses/c-draft', tokenFor('boss', ['admin']))).status).toBe(200);
  });

  it("lists a learner's own orders with their status history, and nobody else's", async () => {
    const mine = await eventually('/read/orders?learnerId=learner-1', tokenFor('learner-1'), (body) =>
      (body.items as { status: string }[]).some((order) => order.status === 'paid'),
    );
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        orderId: 'o1',
        learnerId: 'learner-1',
        status: 'paid',
        history: [
          { status: 'initiated', at: expect.any(String) },
          { status: 'paid', at: expect.any(String) },
        ],
      }),
    ]);
    expect((await get('/read/orders', tokenFor('learner-1'))).body.items).toEqual(mine.body.items);
    expect((await get('/read/orders?learnerId=learner-1', tokenFor('learner-2'))).status).toBe(403);
    expect((await get('/read/orders/o1', tokenFor('learner-2'))).status).toBe(404);
    expect((await get('/read/orders/o1', tokenFor('boss', ['admin']))).body).toMatchObject({ orderId: 'o1' });
    const admin = await eventually(
      '/read/orders?learnerId=learner-2',
      tokenFor('boss', ['admin']),
      (body) => (body.items as unknown[]).length === 1,
    );
    expect(admin.body.items).toEqual([expect.objectContaining({ orderId: 'o2', status: 'initiated' })]);
  });

  it("lists a learner's paid seats as enrollments, revoked after a refund, for them and admins only", async () => {
    const mine = await eventually(
      '/read/enrollments',
      tokenFor('learner-1'),
      (body) => Array.isArray(body.items) && body.items.length === 1,
    );
    expect(mine.body.items).toEqual([
      {
        learnerId: 'learner-1',
        courseId: 'c1',
        title: 'Kubernetes in Practice',
        orderId: 'o1',
        status: 'active',
        enrolledAt: expect.any(String),
      },
    ]);
    // A seat held but not paid is no enrollment.
    expect((await get('/read/enrollments', tokenFor('learner-2'))).body.items).toEqual([]);
    expect((await get('/read/enrollments?learnerId=learner-1', tokenFor('learner-2'))).status).toBe(403);
    expect(
      (await get('/read/enrollments?learnerId=learner-1', tokenFor('boss', ['admin']))).body.items,
    ).toEqual(mine.body.items);

    const events = courseAndOrderEvents(writer);
    await events.draft('c-refund', 4, 'owner-1');
    await events.reserve('c-refund', 'o-refund', 'learner-3');
    await events.confirm('c-refund', 'o-refund', 'learner-3');
    await writer.appendToStream(
      'course-c-refund',
      [
        {
          type: 'SeatReleased',
          data: { courseId: 'c-refund', orderId: 'o-refund', learnerId: 'learner-3', reason: 'refunded' },
        },
      ],
      { expectedRevision: 'any' },
    );
    const revoked = await eventually(
      '/read/enrollments',
      tokenFor('learner-3'),
      (body) => (body.items as { status: string }[] | undefined)?.[0]?.status === 'revoked',
    );
    expect(revoked.body.items).toEqual([
      expect.objectContaining({ courseId: 'c-refund', status: 'revoked', revokedAt: expect.any(String) }),
    ]);
  });
});
