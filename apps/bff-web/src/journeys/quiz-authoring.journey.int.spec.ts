import type { TestApps } from '../../../../libs/testing/src/apps';
import { startTestApp } from '../../../../libs/testing/src/apps';
import { createCourseApp } from '../../../course/src/course.app';
import { createQuizApp } from '../../../quiz/src/quiz.app';
import { testOnlyArgon2Cost } from '../../../user/src/passwords/password-hasher';
import { createUserApp } from '../../../user/src/user.app';
import { bffWebApp } from '../bff-web.app';
import { adminEmail, courseDraft, httpClient, signUp, signUpInstructor } from './journey-kit';
import { quizOfEveryKind, storeProfiles } from './quiz-journey-kit';

interface Problem {
  type: string;
  errors?: { field: string }[];
  rows?: { row: number; field: string; message: string }[];
}
interface QuizView {
  quizId: string;
  status: string;
  title: string;
  settings: Record<string, unknown>;
  questions: { questionId: string; kind: string }[];
}
interface Bank {
  questions: { question: { questionId: string; prompt: string }; tags: string[] }[];
}

const [trueFalse] = quizOfEveryKind.questions.filter((question) => question.kind === 'true-false');

describe.each(storeProfiles.filter((profile) => profile.available))(
  'authoring a quiz through bff-web $name: versions, If-Match, question bank and imports',
  (profile) => {
    let apps: TestApps;
    let cleanup: () => Promise<void> = async () => undefined;
    const edge = httpClient(() => apps.urls['bff-web']!);

    beforeAll(async () => {
      const stores = await profile.open();
      cleanup = stores.cleanup;
      apps = await startTestApp(
        [
          createUserApp({ passwordCost: testOnlyArgon2Cost }),
          createCourseApp({ timerPollMs: 50 }),
          createQuizApp({ timerPollMs: 50 }),
          bffWebApp,
        ],
        { env: { ADMIN_EMAILS: adminEmail, LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '100000', ...stores.env } },
      );
    });
    afterAll(async () => {
      await apps?.close();
      await cleanup();
    });

    it('drafts, edits at the version named by If-Match, publishes versions and archives; strangers see nothing', async () => {
      const instructor = await signUpInstructor(edge, 'ines.author@example.com');
      const rival = await signUpInstructor(edge, 'rita.author@example.com');
      const learner = await signUp(edge, 'lars.author@example.com');
      const course = await edge<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Authoring Course' }),
      });
      const { courseId } = course.body;

      // Another instructor cannot put a quiz on a course that is not theirs, nor a learner at all.
      expect(
        (
          await edge('POST', `/api/courses/${courseId}/quizzes`, {
            token: rival.token,
            body: { title: 'Mine' },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await edge('POST', `/api/courses/${courseId}/quizzes`, {
            token: learner.token,
            body: { title: 'Mine' },
          })
        ).status,
      ).toBe(403);

      const drafted = await edge<QuizView>('POST', `/api/courses/${courseId}/quizzes`, {
        token: instructor.token,
        body: { title: 'Draft quiz' },
      });
      expect(drafted.status).toBe(201);
      const { quizId } = drafted.body;
      const firstTag = drafted.headers.get('etag')!;
      expect(firstTag).toMatch(/^W\/"\d+"$/);
      const empty = await edge<Problem>('POST', `/api/quizzes/${quizId}/publish`, {
        token: instructor.token,
      });
      expect(empty.status).toBe(409);
      expect(empty.body.type).toBe('urn:quizbook:problem:quiz-has-no-questions');

      // PATCH: If-Match is required, a stale one is refused, the current one applies and moves the ETag.
      const patch = { title: 'Renamed quiz', settings: { passMarkPercent: 70 } };
      expect(
        (await edge('PATCH', `/api/quizzes/${quizId}`, { token: instructor.token, body: patch })).status,
      ).toBe(428);
      const edited = await edge<QuizView>('PATCH', `/api/quizzes/${quizId}`, {
        token: instructor.token,
        body: patch,
        headers: { 'if-match': firstTag },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Renamed quiz', settings: { passMarkPercent: 70 } });
      const secondTag = edited.headers.get('etag')!;
      expect(secondTag).not.toBe(firstTag);
      const stale = await edge<Problem>('PATCH', `/api/quizzes/${quizId}`, {
        token: instructor.token,
        body: { title: 'Lost update' },
        headers: { 'if-match': firstTag },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe('urn:quizbook:problem:stale-version');

      // Questions: add, replace, remove; a bad answer key is named by its field, by the service.
      const added = await edge<QuizView>('POST', `/api/quizzes/${quizId}/questions`, {
        token: instructor.token,
        body: { question: trueFalse },
      });
      expect(added.status).toBe(201);
      expect(added.body.questions.map((question) => question.questionId)).toEqual(['truefalse']);
      const badKey = await edge<Problem>('POST', `/api/quizzes/${quizId}/questions`, {
        token: instructor.token,
        body: { question: { ...quizOfEveryKind.questions[0], correctOptionId: 'nowhere' } },
      });
      expect(badKey.status).toBe(400);
      expect(badKey.body.errors?.map((error) => error.field)).toEqual(['question.correctOptionId']);
      expect(
        (
          await edge('PUT', `/api/quizzes/${quizId}/questions/truefalse`, {
            token: instructor.token,
            body: { question: { ...trueFalse, prompt: 'Events are immutable facts.' } },
          })
        ).status,
      ).toBe(200);

      // Publishing freezes version 1; publishing again without a change makes no new version.
      const published = await edge<{ version: number; newVersion: boolean }>(
        'POST',
        `/api/quizzes/${quizId}/publish`,
        { token: instructor.token },
      );
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: 1, newVersion: true });
      const again = await edge<{ version: number; newVersion: boolean }>(
        'POST',
        `/api/quizzes/${quizId}/publish`,
        {
          token: instructor.token,
        },
      );
      expect(again.body).toMatchObject({ version: 1, newVersion: false });

      // Not theirs: 404 for the rival instructor and for a learner without a seat; 403 to start.
      expect((await edge('GET', `/api/quizzes/${quizId}`, { token: rival.token })).status).toBe(404);
      expect((await edge('GET', `/api/quizzes/${quizId}`, { token: learner.token })).status).toBe(404);
      const start = await edge<Problem>('POST', `/api/quizzes/${quizId}/attempts`, { token: learner.token });
      expect(start.status).toBe(403);
      expect(start.body.type).toBe('urn:quizbook:problem:not-enrolled');

      const listed = await edge<{ quizzes: { quizId: string; status: string }[] }>(
        'GET',
        `/api/courses/${courseId}/quizzes`,
        { token: instructor.token },
      );
      expect(listed.body.quizzes).toEqual([expect.objectContaining({ quizId, status: 'published' })]);
      expect((await edge('POST', `/api/quizzes/${quizId}/archive`, { token: instructor.token })).status).toBe(
        200,
      );
      const afterArchive = await edge<Problem>('POST', `/api/quizzes/${quizId}/questions`, {
        token: instructor.token,
        body: { question: { ...trueFalse, questionId: 'late-addition' } },
      });
      expect(afterArchive.status).toBe(409);
      expect(afterArchive.body.type).toBe('urn:quizbook:problem:quiz-archived');
    });

    it('imports questions into the bank all or nothing, once per Idempotency-Key, and copies them into quizzes', async () => {
      const instructor = await signUpInstructor(edge, 'ida.bank@example.com');
      const bank = () => edge<Bank>('GET', '/api/question-bank', { token: instructor.token });

      const rejected = await edge<Problem>('POST', '/api/question-bank/imports', {
        token: instructor.token,
        body: {
          format: 'csv',
          csv: 'kind,prompt,options,correct,points\ntrue-false,Fine row,,true,1\nnumeric,Broken row,,not-a-number,1\n',
        },
      });
      expect(rejected.status).toBe(422);
      expect(rejected.body.type).toBe('urn:quizbook:problem:import-rejected');
      expect(rejected.body.rows).toEqual([expect.objectContaining({ row: 2 })]);
      expect((await bank()).body.questions).toEqual([]);

      const csv =
        'questionId,kind,prompt,options,correct,points\n' +
        'csv-1,single-choice,Where do events live?,event store|cache,event store,2\n' +
        'csv-2,short-text,Name the pure function,,decider|a decider,1\n';
      const imports = await Promise.all(
        [1, 2].map(() =>
          edge<{ importId: string; imported: number }>('POST', '/api/question-bank/imports', {
            token: instructor.token,
            headers: { 'idempotency-key': 'bank-import-1' },
            body: { format: 'csv', csv },
          }),
        ),
      );
      expect(imports.map((answer) => answer.status)).toEqual([201, 201]);
      expect(imports[0]!.body).toEqual(imports[1]!.body);
      expect(imports[0]!.body.imported).toBe(2);
      const json = await edge('POST', '/api/question-bank/imports', {
        token: instructor.token,
        body: { format: 'json', questions: [{ ...trueFalse, questionId: 'json-1' }] },
      });
      expect(json.status).toBe(201);
      // A CSV file posted as it is, twice under one key: imported once.
      const upload = () =>
        fetch(`${apps.urls['bff-web']!}/api/question-bank/imports`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${instructor.token}`,
            'content-type': 'text/csv; charset=utf-8',
            'idempotency-key': 'bank-upload-1',
          },
          body: 'questionId,kind,prompt,correct\nraw-1,true-false,Uploaded as a file,true\n',
        });
      const uploads = [await upload(), await upload()];
      expect(uploads.map((answer) => answer.status)).toEqual([201, 201]);
      const [firstUpload, secondUpload] = await Promise.all(uploads.map((answer) => answer.json()));
      expect(firstUpload).toMatchObject({ imported: 1 });
      expect(secondUpload).toEqual(firstUpload);
      const csvElsewhere = await fetch(`${apps.urls['bff-web']!}/api/courses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${instructor.token}`, 'content-type': 'text/csv' },
        body: 'title\nNot a course\n',
      });
      expect(csvElsewhere.status).toBe(415);
      expect(csvElsewhere.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await bank()).body.questions.map((entry) => entry.question.questionId).sort()).toEqual([
        'csv-1',
        'csv-2',
        'json-1',
        'raw-1',
      ]);

      const course = await edge<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Bank Course' }),
      });
      const quiz = await edge<QuizView>('POST', `/api/courses/${course.body.courseId}/quizzes`, {
        token: instructor.token,
        body: { title: 'From the bank' },
      });
      const copied = await edge<QuizView>('POST', `/api/quizzes/${quiz.body.quizId}/questions`, {
        token: instructor.token,
        body: { bankQuestionId: 'csv-1' },
      });
      expect(copied.status).toBe(201);
      expect(copied.body.questions).toEqual([
        expect.objectContaining({ questionId: 'csv-1', kind: 'single-choice' }),
      ]);
      const missing = await edge<Problem>('POST', `/api/quizzes/${quiz.body.quizId}/questions`, {
        token: instructor.token,
        body: { bankQuestionId: 'not-in-bank' },
      });
      expect(missing.status).toBe(404);
      expect(missing.body.type).toBe('urn:quizbook:problem:bank-question-not-found');
    });
  },
);
