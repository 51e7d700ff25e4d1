import type { TestApps } from '@quizbook/testing';
import {
  courseApi,
  courseDraft,
  publishedCourse,
  startCourseApp,
  TestIssuer,
} from '../../testing/course-test-kit';

describe('course lifecycle over HTTP', () => {
  const issuer = new TestIssuer();
  let apps: TestApps;
  const call = courseApi(() => apps.url);
  const ada = issuer.tokenFor('instructor-ada', ['learner', 'instructor']);
  const bob = issuer.tokenFor('instructor-bob', ['learner', 'instructor']);
  const admin = issuer.tokenFor('admin-1', ['learner', 'admin']);
  const learner = issuer.tokenFor('learner-1', ['learner']);

  beforeAll(async () => {
    apps = await startCourseApp(await issuer.start());
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });

  const draft = async () => {
    const answer = await call<{ courseId: string }>('POST', '/courses', { token: ada, body: courseDraft() });
    expect(answer.status).toBe(201);
    return answer;
  };

  it('drafts a course owned by the instructor, with its version as a weak ETag', async () => {
    const answer = await draft();
    expect(answer.headers.get('etag')).toBe('W/"0"');
    expect(answer.body).toMatchObject({
      ownerId: 'instructor-ada',
      status: 'draft',
      capacity: 10,
      seatsLeft: 10,
      version: 0,
    });
  });

  it('refuses a learner creating a course with 403', async () => {
    const answer = await call('POST', '/courses', { token: learner, body: courseDraft() });
    expect(answer.status).toBe(403);
  });

  it('refuses an invalid draft with a 400 naming the fields', async () => {
    const answer = await call<{ errors: { field: string }[] }>('POST', '/courses', {
      token: ada,
      body: courseDraft({ level: 'expert', capacity: 0 }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field).sort()).toEqual(['capacity', 'level']);
  });

  it('edits with If-Match and answers the next ETag', async () => {
    const { body } = await draft();
    const edited = await call('PATCH', `/courses/${body.courseId}`, {
      token: ada,
      headers: { 'if-match': 'W/"0"' },
      body: { title: 'Event sourcing, revised', priceCents: 5900 },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('W/"1"');
    expect(edited.body).toMatchObject({ title: 'Event sourcing, revised', priceCents: 5900, version: 1 });
    const strong = await call('PATCH', `/courses/${body.courseId}`, {
      token: ada,
      headers: { 'if-match': '"1"' },
      body: { capacity: 12 },
    });
    expect(strong.status).toBe(200);
    expect(strong.body).toMatchObject({ capacity: 12, version: 2 });
  });

  it('refuses a PATCH without If-Match with 428', async () => {
    const { body } = await draft();
    const answer = await call('PATCH', `/courses/${body.courseId}`, { token: ada, body: { title: 'x' } });
    expect(answer.status).toBe(428);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ type: 'urn:quizbook:problem:if-match-required' });
  });

  it('refuses a PATCH on a stale version with 412 and the current ETag', async () => {
    const { body } = await draft();
    const first = await call('PATCH', `/courses/${body.courseId}`, {
      token: ada,
      headers: { 'if-match': 'W/"0"' },
      body: { title: 'First edit' },
    });
    expect(first.status).toBe(200);
    const stale = await call('PATCH', `/courses/${body.courseId}`, {
      token: ada,
      headers: { 'if-match': 'W/"0"' },
      body: { title: 'Lost update' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ type: 'urn:quizbook:problem:stale-version', currentETag: 'W/"1"' });
  });

  it("answers another instructor 404 on every write to someone else's course, as for no course", async () => {
    const { body } = await draft();
    const attempts = [
      call('PATCH', `/courses/${body.courseId}`, {
        token: bob,
        headers: { 'if-match': 'W/"0"' },
        body: { title: 'mine' },
      }),
      call('POST', `/courses/${body.courseId}/publish`, { token: bob }),
      call('POST', `/courses/${body.courseId}/archive`, { token: bob }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(404);
    const missing = await call('POST', '/courses/no-such-course/publish', { token: bob });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe((await attempts[1]!).body.detail);
  });

  it('lets an admin publish and archive any course; archived courses refuse edits and publishing', async () => {
    const { body } = await draft();
    expect((await call('POST', `/courses/${body.courseId}/publish`, { token: admin })).body).toMatchObject({
      status: 'published',
    });
    expect((await call('POST', `/courses/${body.courseId}/archive`, { token: ada })).body).toMatchObject({
      status: 'archived',
    });
    const republish = await call('POST', `/courses/${body.courseId}/publish`, { token: ada });
    expect(republish.status).toBe(409);
    expect(republish.body.type).toBe('urn:quizbook:problem:course-archived');
  });

  it('refuses a capacity below the seats held with 409', async () => {
    const courseId = await publishedCourse(call, ada, { capacity: 3 });
    for (const learnerId of ['l-a', 'l-b']) {
      const token = issuer.tokenFor(learnerId, ['learner']);
      expect((await call('POST', '/cart/items', { token, body: { courseId } })).status).toBe(200);
      expect((await call('POST', '/orders', { token })).status).toBe(201);
    }
    const version = (await call('POST', `/courses/${courseId}/publish`, { token: ada })).headers.get('etag')!;
    const refused = await call('PATCH', `/courses/${courseId}`, {
      token: ada,
      headers: { 'if-match': version },
      body: { capacity: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'urn:quizbook:problem:capacity-below-seats-held',
      seatsHeld: 2,
    });
    const lowered = await call('PATCH', `/courses/${courseId}`, {
      token: ada,
      headers: { 'if-match': version },
      body: { capacity: 2 },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ capacity: 2, seatsLeft: 0 });
  });
});
