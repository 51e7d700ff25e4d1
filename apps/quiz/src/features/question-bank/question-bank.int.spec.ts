import { randomUUID } from 'node:crypto';
import { questionBankStreamName } from '@quizbook/contracts';
import type { Environment } from '@quizbook/platform';
import { createFreshMysqlDatabase, describeWithMysql, type TestApps } from '@quizbook/testing';
import {
  eventStoreUrlOf,
  quizApi,
  readStreamOf,
  seedCourse,
  startQuizApp,
  TestIssuer,
} from '../draft-quiz/authoring-test-kit';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const header = 'questionId,kind,prompt,points,options,correct,tolerance,scoring,explanation';
const tf = (questionId: string) => ({
  questionId,
  kind: 'true-false',
  prompt: `${questionId}?`,
  points: 1,
  correct: true,
});

function questionBankSuite(stores: () => Promise<Environment>) {
  const issuer = new TestIssuer();
  let apps: TestApps;
  let env: Environment;
  let jwksUrl: string;
  const call = quizApi(() => apps.url);
  // A fresh instructor per test: each has a bank of their own.
  let instructorId: string;
  let token: string;
  const learner = issuer.tokenFor('learner-lea', ['learner']);

  beforeAll(async () => {
    env = await stores();
    jwksUrl = await issuer.start();
    apps = await startQuizApp(jwksUrl, env);
  });
  afterAll(async () => {
    await apps?.close();
    await issuer.close();
  });
  beforeEach(() => {
    instructorId = `instructor-${randomUUID()}`;
    token = issuer.tokenFor(instructorId, ['instructor']);
  });

  const bankEvents = () => readStreamOf(eventStoreUrlOf(apps, env), questionBankStreamName(instructorId));

  it('adds, replaces and removes bank questions; a learner has no bank', async () => {
    const added = await call<Body>('POST', '/question-bank/questions', {
      token,
      body: { question: tf('b1'), tags: ['Basics'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      ownerId: instructorId,
      questions: [{ question: { questionId: 'b1' }, tags: ['basics'] }],
    });
    const invalid = await call<Body>('POST', '/question-bank/questions', {
      token,
      body: { question: { ...tf('b2'), kind: 'short-text', acceptedAnswers: ['  '] } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: Body) => e.field)).toEqual(['question.acceptedAnswers.0']);
    const replaced = await call<Body>('PUT', '/question-bank/questions/b1', {
      token,
      body: { question: { ...tf('b1'), correct: false } },
    });
    expect(replaced.body.questions[0].question.correct).toBe(false);
    expect((await call('DELETE', '/question-bank/questions/b1', { token })).status).toBe(200);
    expect((await call('DELETE', '/question-bank/questions/b1', { token })).status).toBe(404);
    expect((await call('GET', '/question-bank', { token: learner })).status).toBe(403);
  });

  it('copies a bank question into a quiz: later bank edits leave the quiz alone', async () => {
    const courseId = `course-${randomUUID()}`;
    await seedCourse(eventStoreUrlOf(apps, env), { courseId, ownerId: instructorId, enrolled: [] });
    await call('POST', '/question-bank/questions', { token, body: { question: tf('shared') } });
    const quiz = await call<Body>('POST', `/courses/${courseId}/quizzes`, {
      token,
      body: { title: 'From the bank' },
    });
    const copied = await call<Body>('POST', `/quizzes/${quiz.body.quizId}/questions`, {
      token,
      body: { bankQuestionId: 'shared' },
    });
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({
      questions: [{ questionId: 'shared', correct: true }],
      copiedFromBank: { shared: 'shared' },
    });
    const renamed = await call<Body>('POST', `/quizzes/${quiz.body.quizId}/questions`, {
      token,
      body: { bankQuestionId: 'shared', questionId: 'shared-2' },
    });
    expect(renamed.body.questions.map((q: Body) => q.questionId)).toEqual(['shared', 'shared-2']);

    await call('PUT', '/question-bank/questions/shared', {
      token,
      body: { question: { ...tf('shared'), prompt: 'Changed?' } },
    });
    const after = await call<Body>('GET', `/quizzes/${quiz.body.quizId}`, { token });
    expect(after.body.questions[0]).toMatchObject({ prompt: 'shared?', correct: true });

    const missing = await call<Body>('POST', `/quizzes/${quiz.body.quizId}/questions`, {
      token,
      body: { bankQuestionId: 'nope' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('urn:quizbook:problem:bank-question-not-found');
  });

  it('imports JSON questions (a bare array too), generating missing ids', async () => {
    const imported = await call<Body>('POST', '/question-bank/imports', {
      token,
      body: {
        format: 'json',
        questions: [tf('j1'), { kind: 'numeric', prompt: 'n?', points: 1, correct: 7 }],
      },
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ importId: expect.any(String), imported: 2 });
    const bare = await call<Body>('POST', '/question-bank/imports', { token, body: [tf('j3')] });
    expect(bare.body.imported).toBe(1);
    const bank = await call<Body>('GET', '/question-bank', { token });
    expect(bank.body.questions.map((entry: Body) => entry.question.questionId)).toEqual([
      'j1',
      expect.stringMatching(/^q-/),
      'j3',
    ]);
  });

  it('refuses a CSV import with one bad row: 422 naming the row and column, nothing stored', async () => {
    const csv = [
      header,
      'ok1,true-false,"Fine, really?",1,,true,,,',
      'bad,single-choice,Pick one,1,Paris|Lyon,Nice,,,',
      'ok2,numeric,"Two\nlines",1,,4,0.5,,',
    ].join('\n');
    const answer = await call<Body>('POST', '/question-bank/imports', {
      token,
      body: { format: 'csv', csv },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      type: 'urn:quizbook:problem:import-rejected',
      rows: [{ row: 2, field: 'correct', message: expect.any(String) }],
    });
    expect(answer.body.rows).toHaveLength(1);
    expect(await bankEvents()).toEqual([]);
  });

  it('a CSV import retried with the same Idempotency-Key stores nothing new', async () => {
    const csv = `${header}\r\nc1,short-text,Who?,1,,Ada|Ada Lovelace,,,\r\n,multiple-choice,Which?,2,A|B|C,a|c,,partial,Because\r\n`;
    const first = await call<Body>('POST', '/question-bank/imports', {
      token,
      headers: { 'idempotency-key': 'upload-42' },
      body: { format: 'csv', csv },
    });
    expect(first.status).toBe(201);
    expect(first.body.imported).toBe(2);
    const retried = await call<Body>('POST', '/question-bank/imports', {
      token,
      headers: { 'idempotency-key': 'upload-42' },
      body: { format: 'csv', csv },
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const events = await bankEvents();
    expect(events.map((event) => event.type)).toEqual(['BankQuestionsImported']);
    const bank = await call<Body>('GET', '/question-bank', { token });
    expect(bank.body.questions).toHaveLength(2);
    expect(bank.body.questions[1].question).toMatchObject({
      kind: 'multiple-choice',
      correctOptionIds: ['a', 'c'],
      scoring: 'partial',
    });

    // Without the key the same rows are a new import, refused because the ids are taken.
    const again = await call<Body>('POST', '/question-bank/imports', { token, body: { format: 'csv', csv } });
    expect(again.status).toBe(422);
    expect(again.body.rows).toEqual([{ row: 1, field: 'questionId', message: 'c1 is already in your bank' }]);
  });

  it('concurrent retries of one import record it once', async () => {
    const body = { format: 'json', importId: 'same-import', questions: [tf('x1'), tf('x2')] };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call<Body>('POST', '/question-bank/imports', { token, body })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect((await bankEvents()).map((event) => event.type)).toEqual(['BankQuestionsImported']);
  });

  it('one import retried on two app instances sharing the stores is recorded once', async () => {
    const url = eventStoreUrlOf(apps, env);
    const other = await startQuizApp(jwksUrl, { ...env, EVENT_STORE_URL: url });
    try {
      const body = { format: 'json', questions: [tf('y1'), tf('y2')] };
      const headers = { 'idempotency-key': 'two-instances' };
      const answers = await Promise.all(
        [apps.url, other.url, apps.url, other.url].map((base) =>
          quizApi(() => base)<Body>('POST', '/question-bank/imports', { token, headers, body }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.body.importId)).size).toBe(1);
      expect(answers.map((answer) => answer.body.imported)).toEqual([2, 2, 2, 2]);
      expect((await bankEvents()).map((event) => event.type)).toEqual(['BankQuestionsImported']);
    } finally {
      await other.close();
    }
  });

  it('refuses a malformed import body with 400 naming the field', async () => {
    const answer = await call<Body>('POST', '/question-bank/imports', {
      token,
      body: { format: 'xml', csv: '' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: Body) => e.field)).toEqual(['format']);
  });
}

describe('question bank over HTTP (SQLite)', () => {
  questionBankSuite(async () => ({}));
});

describeWithMysql('question bank over HTTP (MariaDB)', () => {
  let database: Awaited<ReturnType<typeof createFreshMysqlDatabase>> | undefined;
  afterAll(() => database?.drop());
  questionBankSuite(async () => {
    database = await createFreshMysqlDatabase('qb_quiz_bank');
    return { EVENT_STORE_URL: database.url, READ_DB_URL: database.url };
  });
});
