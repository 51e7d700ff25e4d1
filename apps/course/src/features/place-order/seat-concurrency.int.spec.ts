import { courseStreamName } from '@quizbook/contracts';
import {
  createFreshMysqlDatabase,
  describeWithMysql,
  type FreshMysqlDatabase,
  type TestApps,
} from '@quizbook/testing';
import {
  courseApi,
  eventStoreUrlOf,
  publishedCourse,
  readStreamOf,
  startCourseApp,
  TestIssuer,
} from '../../testing/course-test-kit';

const capacity = 10;
const buyers = 100;

/** 100 learners race for 10 seats through the real HTTP routes and handlers. */
function raceForSeats(storeEnv: () => Promise<Record<string, string>>) {
  const issuer = new TestIssuer();
  let apps: TestApps;
  const call = courseApi(() => apps.url);
  const instructor = issuer.tokenFor('instructor-1', ['learner', 'instructor']);

  let env: Record<string, string>;

  beforeAll(async () => {
    env = await storeEnv();
    apps = await startCourseApp(await issuer.start(), { env });
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });

  it(`sells exactly ${capacity} seats to ${buyers} concurrent orders; the rest get a course-full problem`, async () => {
    const courseId = await publishedCourse(call, instructor, { capacity });
    const learners = Array.from({ length: buyers }, (_, n) => issuer.tokenFor(`learner-${n}`, ['learner']));
    for (const token of learners)
      expect((await call('POST', '/cart/items', { token, body: { courseId } })).status).toBe(200);

    const answers = await Promise.all(learners.map((token) => call('POST', '/orders', { token })));

    const placed = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(placed).toHaveLength(capacity);
    expect(refused).toHaveLength(buyers - capacity);
    for (const answer of placed) expect(answer.body).toMatchObject({ status: 'awaiting-payment' });
    for (const answer of refused) {
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        type: 'urn:quizbook:problem:course-full',
        courseId,
        orderStatus: 'rejected',
      });
    }

    const events = await readStreamOf(eventStoreUrlOf(apps, env), courseStreamName(courseId));
    const reservations = events.filter((event) => event.type === 'SeatReserved');
    expect(reservations).toHaveLength(capacity);
    expect(events.filter((event) => event.type === 'SeatReleased')).toHaveLength(0);
    const orderIds = reservations.map((event) => (event.data as { orderId: string }).orderId);
    expect(new Set(orderIds).size).toBe(capacity);
    expect(orderIds.sort()).toEqual(placed.map((answer) => answer.body.orderId as string).sort());

    const course = await call('POST', `/courses/${courseId}/publish`, { token: instructor });
    expect(course.body).toMatchObject({ seatsHeld: capacity, seatsLeft: 0 });
  });

  it('places one order for 20 concurrent requests with one Idempotency-Key', async () => {
    const courseId = await publishedCourse(call, instructor, { capacity });
    const token = issuer.tokenFor('learner-idempotent', ['learner']);
    await call('POST', '/cart/items', { token, body: { courseId } });
    const headers = { 'idempotency-key': 'one-order-please' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/orders', { token, headers })),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((answer) => answer.body.orderId)).size).toBe(1);
    const events = await readStreamOf(eventStoreUrlOf(apps, env), courseStreamName(courseId));
    expect(events.filter((event) => event.type === 'SeatReserved')).toHaveLength(1);
  });
}

describe('seat sales under concurrency on SQLite', () => {
  raceForSeats(async () => ({}));
});

describeWithMysql('seat sales under concurrency on MariaDB', () => {
  let database: FreshMysqlDatabase;
  afterAll(() => database?.drop());
  raceForSeats(async () => {
    database = await createFreshMysqlDatabase('qb_course_seats');
    return { EVENT_STORE_URL: database.url, READ_DB_URL: database.url };
  });
});
