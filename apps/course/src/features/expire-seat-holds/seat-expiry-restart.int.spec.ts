import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { courseStreamName } from '@quizbook/contracts';
import type { TestApps } from '@quizbook/testing';
import {
  courseApi,
  eventually,
  publishedCourse,
  readStreamOf,
  startCourseApp,
  TestClock,
  TestIssuer,
} from '../../testing/course-test-kit';

describe('seat holds expire durably, across a restart', () => {
  const issuer = new TestIssuer();
  let dir: string;
  let apps: TestApps | undefined;
  const call = courseApi(() => apps!.url);
  const instructor = issuer.tokenFor('instructor-1', ['learner', 'instructor']);
  const learner = issuer.tokenFor('learner-1', ['learner']);
  let jwksUrl: string;
  const env = () => ({
    EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
    READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
    SEAT_HOLD_MINUTES: '1',
  });

  beforeAll(async () => {
    jwksUrl = await issuer.start();
    dir = await mkdtemp(path.join(tmpdir(), 'quizbook-course-restart-'));
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('releases the seat of an unpaid order whose hold ran out while the app was down', async () => {
    const clock = new TestClock(new Date('2030-05-01T10:00:00Z'));
    apps = await startCourseApp(jwksUrl, { env: env(), clock: clock.now });
    const courseId = await publishedCourse(call, instructor, { capacity: 1 });
    await call('POST', '/cart/items', { token: learner, body: { courseId } });
    const placed = await call<{ orderId: string }>('POST', '/orders', { token: learner });
    expect(placed.status).toBe(201);
    const { orderId } = placed.body;
    const order = await call<{ history: unknown[] }>('GET', `/orders/${orderId}`, { token: learner });
    expect(order.body).toMatchObject({ status: 'awaiting-payment' });
    await apps.close();
    apps = undefined;

    // Two minutes later, past the one-minute hold: a new process finds the hold in its read model.
    const later = new TestClock(new Date('2030-05-01T10:02:00Z'));
    apps = await startCourseApp(jwksUrl, { env: env(), clock: later.now });
    const expired = await eventually(
      () =>
        call<{ status: string; history: { status: string }[] }>('GET', `/orders/${orderId}`, {
          token: learner,
        }),
      (answer) => answer.body.status === 'expired',
      'the order to expire',
    );
    expect(expired.body.history.map((entry) => entry.status)).toEqual([
      'initiated',
      'awaiting-payment',
      'expired',
    ]);
    const events = await eventually(
      () => readStreamOf(env().EVENT_STORE_URL, courseStreamName(courseId)),
      (recorded) => recorded.some((event) => event.type === 'SeatReleased'),
      'the seat to be released',
    );
    expect(events.filter((event) => event.type === 'SeatReleased').map((event) => event.data)).toEqual([
      { courseId, orderId, learnerId: 'learner-1', reason: 'expired' },
    ]);
    // The seat is for sale again.
    const next = issuer.tokenFor('learner-2', ['learner']);
    expect((await call('POST', '/cart/items', { token: next, body: { courseId } })).status).toBe(200);
    expect((await call('POST', '/orders', { token: next })).status).toBe(201);
  });

  it('leaves a hold alone until it is due', async () => {
    const clock = new TestClock(new Date('2030-06-01T10:00:00Z'));
    await apps?.close();
    apps = await startCourseApp(jwksUrl, { env: env(), clock: clock.now });
    const courseId = await publishedCourse(call, instructor, { capacity: 1 });
    const token = issuer.tokenFor('learner-3', ['learner']);
    await call('POST', '/cart/items', { token, body: { courseId } });
    const { body } = await call<{ orderId: string }>('POST', '/orders', { token });
    clock.advance(59_000);
    // Wait for two full timer rounds that started after the clock moved, then look.
    const logsBefore = apps.logs.records.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(apps.logs.records.slice(logsBefore).filter((record) => record.level === 'error')).toEqual([]);
    expect((await call('GET', `/orders/${body.orderId}`, { token })).body).toMatchObject({
      status: 'awaiting-payment',
    });
    clock.advance(2_000);
    await eventually(
      () => call('GET', `/orders/${body.orderId}`, { token }),
      (answer) => answer.body.status === 'expired',
      'the order to expire once due',
    );
  });
});
