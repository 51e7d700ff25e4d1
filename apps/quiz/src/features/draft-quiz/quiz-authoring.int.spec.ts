import { randomUUID } from 'node:crypto';
import { quizStreamName } from '@quizbook/contracts';
import type { Environment } from '@quizbook/platform';
import { createFreshMysqlDatabase, describeWithMysql, type TestApps } from '@quizbook/testing';
import {
  eventStoreUrlOf,
  quizApi,
  readStreamOf,
  seedCourse,
  startQuizApp,
  TestIssuer,
} from './authoring-test-kit';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const capital = {
  questionId: 'capital',
  kind: 'single-choice',
  prompt: 'Capital of France?',
  points: 2,
  options: [
    { optionId: 'a', text: 'Paris' },
    { optionId: 'b', text: 'Lyon' },
  ],
  correctOptionId: 'a',
  explanation: 'Paris since 508.',
};
const pi = { questionId: 'pi', kind: 'numeric', prompt: 'Pi?', points: 1, correct: 3.14, tolerance: 0.01 };

function authoringSuite(stores: () => Promise<Environment>) {
  const issuer = new TestIssuer();
  let apps: TestApps;
  let env: Environment;
  let jwksUrl: string;
  const call = quizApi(() => apps.url);
  const ada = issuer.tokenFor('instructor-ada', ['learner', 'instructor']);
  const bob = issuer.tokenFor('instructor-bob', ['learner', 'instructor']);
  const admin = issuer.tokenFor('admin-1', ['admin']);
  const lea = issuer.tokenFor('learner-lea', ['learner']);
  const otto = issuer.tokenFor('learner-otto', ['learner']);
  let courseId: string;

  beforeAll(async () => {
    env = await stores();
    jwksUrl = await issuer.start();
    apps = await startQuizApp(jwksUrl, env);
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });
  beforeEach(async () => {
    courseId = `course-${randomUUID()}`;
    await seedCourse(eventStoreUrlOf(apps, env), {
      courseId,
      ownerId: 'instructor-ada',
      enrolled: ['learner-lea'],
    });
  });

  const draft = async (body: Body = { title: 'Basics', questions: [capital, pi] }, token = ada) => {
    const answer = await call<Body>('POST', `/courses/${courseId}/quizzes`, { token, body });
    expect(answer.status).toBe(201);
    return answer;
  };
  const publish = (quizId: string) => call<Body>('POST', `/quizzes/${quizId}/publish`, { token: ada });

  it('drafts a quiz with its questions for the course owner, with ETag and Location', async () => {
    const answer = await draft({
      title: 'Basics',
      settings: { timeLimitSeconds: 120 },
      questions: [capital, pi],
    });
    expect(answer.headers.get('etag')).toBe('W/"2"');
    expect(answer.headers.get('location')).toBe(`/quizzes/${answer.body.quizId}`);
    expect(answer.body).toMatchObject({
      courseId,
      ownerId: 'instructor-ada',
      status: 'draft',
      title: 'Basics',
      settings: { timeLimitSeconds: 120, attemptsAllowed: 3 },
      latestVersion: null,
      questions: [
        { questionId: 'capital', correctOptionId: 'a' },
        { questionId: 'pi', tolerance: 0.01 },
      ],
    });
  });

  it('an admin drafts for the course owner', async () => {
    const answer = await draft({ title: 'By admin' }, admin);
    expect(answer.body).toMatchObject({ ownerId: 'instructor-ada' });
  });

  it('refuses an invalid question with a 400 naming the field, and stores nothing', async () => {
    const answer = await call<Body>('POST', `/courses/${courseId}/quizzes`, {
      token: ada,
      body: {
        title: 'Basics',
        questions: [pi, capital, { ...capital, questionId: 'c2', correctOptionId: 'z' }],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'questions.2.correctOptionId', message: expect.any(String) },
    ]);
    const shape = await call<Body>('POST', `/courses/${courseId}/quizzes`, {
      token: ada,
      body: { title: 'Basics', questions: [{ ...pi, points: -1 }] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: Body) => e.field)).toEqual(['questions.0.points']);
    const listed = await call<Body>('GET', `/courses/${courseId}/quizzes`, { token: ada });
    expect(listed.body.quizzes).toEqual([]);
  });

  it('answers 404 to an instructor who does not own the course, and to a learner drafting 403', async () => {
    const foreign = await call<Body>('POST', `/courses/${courseId}/quizzes`, {
      token: bob,
      body: { title: 'x' },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.type).toBe('urn:quizbook:problem:course-not-found');
    const missing = await call<Body>('POST', `/courses/no-such-course/quizzes`, {
      token: ada,
      body: { title: 'x' },
    });
    expect(missing.status).toBe(404);
    const learner = await call('POST', `/courses/${courseId}/quizzes`, { token: lea, body: { title: 'x' } });
    expect(learner.status).toBe(403);
  });

  it('shows an enrolled learner the published version without answer keys; others get 404', async () => {
    const { body } = await draft();
    const unpublished = await call('GET', `/quizzes/${body.quizId}`, { token: lea });
    expect(unpublished.status).toBe(404);
    expect((await publish(body.quizId)).status).toBe(200);

    const seen = await call<Body>('GET', `/quizzes/${body.quizId}`, { token: lea });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ quizId: body.quizId, version: 1, totalPoints: 3 });
    expect(seen.body.questions).toEqual([
      {
        questionId: 'capital',
        kind: 'single-choice',
        prompt: 'Capital of France?',
        points: 2,
        options: capital.options,
      },
      { questionId: 'pi', kind: 'numeric', prompt: 'Pi?', points: 1 },
    ]);
    expect(JSON.stringify(seen.body)).not.toMatch(/correct|explanation|tolerance|acceptedAnswers/);

    for (const token of [otto, bob]) {
      const refused = await call<Body>('GET', `/quizzes/${body.quizId}`, { token });
      expect(refused.status).toBe(404);
      expect(refused.body.type).toBe('urn:quizbook:problem:quiz-not-found');
    }
    const byAdmin = await call<Body>('GET', `/quizzes/${body.quizId}`, { token: admin });
    expect(byAdmin.body.questions[0].correctOptionId).toBe('a');
  });

  it('edits settings only with the current If-Match: 428 without, 412 when stale', async () => {
    const { body, headers } = await draft();
    const route = `/quizzes/${body.quizId}`;
    const missing = await call<Body>('PATCH', route, { token: ada, body: { title: 'New' } });
    expect(missing.status).toBe(428);
    const edited = await call<Body>('PATCH', route, {
      token: ada,
      headers: { 'if-match': headers.get('etag')! },
      body: { title: 'New', settings: { passMarkPercent: 80 } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'New',
      settings: { passMarkPercent: 80, attemptsAllowed: 3 },
    });
    const stale = await call<Body>('PATCH', route, {
      token: ada,
      headers: { 'if-match': headers.get('etag')! },
      body: { title: 'Newer' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({
      type: 'urn:quizbook:problem:stale-version',
      currentETag: edited.headers.get('etag'),
    });
    const badSetting = await call<Body>('PATCH', route, {
      token: ada,
      headers: { 'if-match': edited.headers.get('etag')! },
      body: { settings: { lateSubmission: 'whenever' } },
    });
    expect(badSetting.status).toBe(400);
    expect(badSetting.body.errors.map((e: Body) => e.field)).toEqual(['settings.lateSubmission']);
    const foreign = await call('PATCH', route, {
      token: bob,
      headers: { 'if-match': edited.headers.get('etag')! },
      body: { title: 'Mine' },
    });
    expect(foreign.status).toBe(404);
  });

  it('publishes version 1; again without edits no new version; after an edit version 2, version 1 unchanged', async () => {
    const { body } = await draft();
    const first = await publish(body.quizId);
    expect(first.body).toMatchObject({ quizId: body.quizId, version: 1, publishedAt: expect.any(String) });
    const again = await publish(body.quizId);
    expect(again.body).toMatchObject({ version: 1, publishedAt: first.body.publishedAt });

    const edited = await call<Body>('PUT', `/quizzes/${body.quizId}/questions/pi`, {
      token: ada,
      body: { question: { ...pi, correct: 3.1416 } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'published', latestVersion: 1, hasUnpublishedChanges: true });
    const second = await publish(body.quizId);
    expect(second.body).toMatchObject({ version: 2 });

    const v1 = await call<Body>('GET', `/quizzes/${body.quizId}/versions/1`, { token: ada });
    expect(v1.body.questions[1]).toMatchObject({ questionId: 'pi', correct: 3.14 });
    const v2 = await call<Body>('GET', `/quizzes/${body.quizId}/versions/2`, { token: ada });
    expect(v2.body.questions[1]).toMatchObject({ questionId: 'pi', correct: 3.1416 });
    const learnerView = await call<Body>('GET', `/quizzes/${body.quizId}`, { token: lea });
    expect(learnerView.body.version).toBe(2);

    const events = await readStreamOf(eventStoreUrlOf(apps, env), quizStreamName(body.quizId));
    expect(events.filter((event) => event.type === 'QuizPublished')).toHaveLength(2);
  });

  it('refuses to publish a quiz with no questions (409)', async () => {
    const { body } = await draft({ title: 'Empty' });
    const answer = await publish(body.quizId);
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:quizbook:problem:quiz-has-no-questions');
  });

  it('adds, replaces and removes questions; refuses an id taken or unknown', async () => {
    const { body } = await draft({ title: 'Q', questions: [pi] });
    const route = `/quizzes/${body.quizId}/questions`;
    const added = await call<Body>('POST', route, { token: ada, body: { question: capital } });
    expect(added.status).toBe(201);
    expect(added.body.questions.map((q: Body) => q.questionId)).toEqual(['pi', 'capital']);
    const taken = await call<Body>('POST', route, { token: ada, body: { question: capital } });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toBe('urn:quizbook:problem:question-id-taken');
    const mismatch = await call<Body>('PUT', `${route}/pi`, { token: ada, body: { question: capital } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].field).toBe('question.questionId');
    const invalid = await call<Body>('POST', route, {
      token: ada,
      body: { question: { ...pi, questionId: 'p2', points: 0 } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: Body) => e.field)).toEqual(['question.points']);
    const neither = await call<Body>('POST', route, { token: ada, body: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: Body) => e.field)).toEqual(['question']);
    const removed = await call<Body>('DELETE', `${route}/pi`, { token: ada });
    expect(removed.status).toBe(200);
    expect(removed.body.questions.map((q: Body) => q.questionId)).toEqual(['capital']);
    const unknown = await call<Body>('DELETE', `${route}/pi`, { token: ada });
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('urn:quizbook:problem:question-not-found');
  });

  it('archives: no more changes, gone from the learner list, still listed for the author', async () => {
    const { body } = await draft();
    await publish(body.quizId);
    const archived = await call<Body>('POST', `/quizzes/${body.quizId}/archive`, { token: ada });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    const again = await call('POST', `/quizzes/${body.quizId}/archive`, { token: ada });
    expect(again.status).toBe(200);
    const publishAfter = await publish(body.quizId);
    expect(publishAfter.status).toBe(409);
    expect(publishAfter.body.type).toBe('urn:quizbook:problem:quiz-archived');
    const addAfter = await call('POST', `/quizzes/${body.quizId}/questions`, {
      token: ada,
      body: { question: { ...pi, questionId: 'pi2' } },
    });
    expect(addAfter.status).toBe(409);

    const forLearner = await call<Body>('GET', `/courses/${courseId}/quizzes`, { token: lea });
    expect(forLearner.body.quizzes).toEqual([]);
    const forAuthor = await call<Body>('GET', `/courses/${courseId}/quizzes`, { token: ada });
    expect(forAuthor.body.quizzes).toMatchObject([
      { quizId: body.quizId, status: 'archived', questionCount: 2 },
    ]);
  });

  it('lists a course: authors every quiz, an enrolled learner the published ones, others 404', async () => {
    const published = await draft({ title: 'Published', questions: [pi] });
    await publish(published.body.quizId);
    const drafted = await draft({ title: 'Draft only', questions: [pi] });
    const forAuthor = await call<Body>('GET', `/courses/${courseId}/quizzes`, { token: ada });
    expect(forAuthor.body.quizzes.map((q: Body) => q.quizId)).toEqual([
      published.body.quizId,
      drafted.body.quizId,
    ]);
    const forLearner = await call<Body>('GET', `/courses/${courseId}/quizzes`, { token: lea });
    expect(forLearner.body.quizzes).toMatchObject([
      { quizId: published.body.quizId, version: 1, questionCount: 1 },
    ]);
    expect(JSON.stringify(forLearner.body)).not.toContain('correct');
    expect((await call('GET', `/courses/${courseId}/quizzes`, { token: otto })).status).toBe(404);
    expect((await call('GET', `/courses/${courseId}/quizzes`, { token: bob })).status).toBe(404);
  });

  it('a quiz drafted on one instance is listed and published by another sharing the stores', async () => {
    const other = await startQuizApp(jwksUrl, { ...env, EVENT_STORE_URL: eventStoreUrlOf(apps, env) });
    try {
      const onOther = quizApi(() => other.url);
      const before = await onOther<Body>('GET', `/courses/${courseId}/quizzes`, { token: ada });
      expect(before.body.quizzes).toEqual([]);
      const { body } = await draft();
      const listed = await onOther<Body>('GET', `/courses/${courseId}/quizzes`, { token: ada });
      expect(listed.body.quizzes.map((q: Body) => q.quizId)).toEqual([body.quizId]);
      const published = await onOther<Body>('POST', `/quizzes/${body.quizId}/publish`, { token: ada });
      expect(published.body.version).toBe(1);
      const again = await publish(body.quizId);
      expect(again.body).toMatchObject({ version: 1, newVersion: false });
    } finally {
      await other.close();
    }
  });
}

describe('quiz authoring over HTTP (SQLite)', () => {
  authoringSuite(async () => ({}));
});

describeWithMysql('quiz authoring over HTTP (MariaDB)', () => {
  let database: Awaited<ReturnType<typeof createFreshMysqlDatabase>> | undefined;
  afterAll(() => database?.drop());
  authoringSuite(async () => {
    database = await createFreshMysqlDatabase('qb_quiz_authoring');
    return { EVENT_STORE_URL: database.url, READ_DB_URL: database.url };
  });
});
