import { createFreshMysqlDatabase, describeWithMysql, type FreshMysqlDatabase } from '@quizbook/testing';
import type { TestApps } from '../../../../libs/testing/src/apps';
import {
  courseDraft,
  eventually,
  httpClient,
  signUp,
  signUpInstructor,
  startJourneyApps,
} from './journey-kit';

const capacity = 10;
const buyers = 100;
// A hundred real sign-ups and orders (hashing, streams, on MariaDB too) outlast jest's default 5 s;
// the int project means 30 s, which a project-level testTimeout does not apply.
const intTimeoutMs = 30_000;

/** 100 learners race for 10 seats through the edge; the read model must end at 0 seats left. */
function raceForSeats(storeEnv: () => Promise<Record<string, string>>) {
  let apps: TestApps;
  const edge = httpClient(() => apps.urls['bff-web']!);
  const projection = httpClient(() => apps.urls.projection!);
  let courseId: string;
  let learners: { token: string }[];

  beforeAll(async () => {
    apps = await startJourneyApps(await storeEnv());
  });
  beforeAll(async () => {
    learners = await Promise.all(
      Array.from({ length: buyers }, (_, n) => signUp(edge, `racer-${n}@example.com`)),
    );
  }, intTimeoutMs);
  beforeAll(async () => {
    const instructor = await signUpInstructor(edge, 'racer-instructor@example.com');
    const created = await edge<{ courseId: string }>('POST', '/api/courses', {
      token: instructor.token,
      body: courseDraft({ title: 'Ten Seats Only', capacity }),
    });
    courseId = created.body.courseId;
    expect((await edge('POST', `/api/courses/${courseId}/publish`, { token: instructor.token })).status).toBe(
      200,
    );
    const carts = await Promise.all(
      learners.map(({ token }) => edge('POST', '/api/cart/items', { token, body: { courseId } })),
    );
    expect(new Set(carts.map((answer) => answer.status))).toEqual(new Set([200]));
  }, intTimeoutMs);
  afterAll(() => apps?.close());

  it(
    `sells exactly ${capacity} seats to ${buyers} concurrent orders; the rest get a course-full problem; the projection shows 0 left`,
    async () => {
      const answers = await Promise.all(learners.map(({ token }) => edge('POST', '/api/orders', { token })));

      const placed = answers.filter((answer) => answer.status === 201);
      const refused = answers.filter((answer) => answer.status === 409);
      expect(placed).toHaveLength(capacity);
      expect(refused).toHaveLength(buyers - capacity);
      for (const answer of refused) {
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.body).toMatchObject({ type: 'urn:quizbook:problem:course-full', courseId });
      }

      const seats = await eventually(
        () =>
          projection<{ left: number }>('GET', `/read/courses/${courseId}/seats`, {
            token: learners[0]!.token,
          }),
        (answer) => answer.body.left === 0,
      );
      expect(seats.body).toEqual({ courseId, capacity, reserved: capacity, confirmed: 0, left: 0 });
      const detail = await eventually(
        () => edge<{ seatsLeft: number }>('GET', `/api/courses/${courseId}`),
        (answer) => answer.body.seatsLeft === 0,
      );
      expect(detail.body.seatsLeft).toBe(0);
    },
    intTimeoutMs,
  );
}

describe('the seat race through bff-web on SQLite', () => {
  raceForSeats(async () => ({}));
});

describeWithMysql('the seat race through bff-web on MariaDB', () => {
  let database: FreshMysqlDatabase;
  afterAll(() => database?.drop());
  raceForSeats(async () => {
    database = await createFreshMysqlDatabase('qb_bff_seats');
    return { EVENT_STORE_URL: database.url, READ_DB_URL: database.url };
  });
});
