import { EdgeBehindDoubles, lastCall } from '../../testing/edge-behind-doubles';
import { ServiceDouble } from '../../testing/service.double';

const json = 'application/json; charset=utf-8';
const problemJson = 'application/problem+json';

const question = {
  questionId: 'q1',
  kind: 'single-choice',
  prompt: 'Which store keeps every change?',
  points: 2,
  options: [
    { optionId: 'a', text: 'An event store' },
    { optionId: 'b', text: 'A cache' },
  ],
  correctOptionId: 'a',
};

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
}

describe('bff-web quiz routes: validated at the edge, relayed as they are', () => {
  const quizzes = new ServiceDouble();
  const results = new ServiceDouble();
  const edge = new EdgeBehindDoubles({ QUIZ_SERVICE_URL: quizzes, QUIZ_RESULT_SERVICE_URL: results });
  const instructor = () => edge.tokenFor('ines', ['learner', 'instructor']);
  const learner = () => edge.tokenFor('lea', ['learner']);
  const call = edge.call.bind(edge);

  beforeAll(() => edge.start());
  afterAll(() => edge.close());

  /** A bad request answers 400 naming exactly these fields, and the services never hear of it. */
  async function expectRefusedAtEdge(
    answer: Promise<Awaited<ReturnType<typeof call>>>,
    fields: string[],
  ): Promise<void> {
    const quizCalls = quizzes.calls.length;
    const resultCalls = results.calls.length;
    const refused = await answer;
    expect(refused.status).toBe(400);
    expect(refused.header('content-type')).toMatch(/^application\/problem\+json/);
    const problem = refused.json<Problem>();
    expect(problem.type).toBe('urn:quizbook:problem:validation');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([...fields].sort());
    expect(quizzes.calls.length).toBe(quizCalls);
    expect(results.calls.length).toBe(resultCalls);
  }

  describe('refuses at the edge, naming the field', () => {
    it('a question without a kind, and one whose kind misses its answer key', async () => {
      const { kind: _kind, ...withoutKind } = question;
      await expectRefusedAtEdge(
        call('POST', '/api/courses/c-1/quizzes', {
          token: instructor(),
          body: { title: 'Basics', questions: [withoutKind] },
        }),
        ['questions.0.kind'],
      );
      const { correctOptionId: _key, ...withoutKey } = question;
      await expectRefusedAtEdge(
        call('POST', '/api/quizzes/quiz-1/questions', {
          token: instructor(),
          body: { question: withoutKey },
        }),
        ['question.correctOptionId'],
      );
    });

    it('a numeric question with a negative tolerance, and settings the quiz has no such thing as', async () => {
      await expectRefusedAtEdge(
        call('POST', '/api/courses/c-1/quizzes', {
          token: instructor(),
          body: {
            title: 'Numbers',
            settings: { timeLimitSeconds: 5, colour: 'blue' },
            questions: [
              { questionId: 'n1', kind: 'numeric', prompt: 'pi?', points: 1, correct: 3.14, tolerance: -1 },
            ],
          },
        }),
        ['settings.timeLimitSeconds', 'settings', 'questions.0.tolerance'],
      );
    });

    it('an answers map with values that are no answer (null, an object), and an unknown member', async () => {
      await expectRefusedAtEdge(
        call('POST', '/api/attempts/att-1/submit', {
          token: learner(),
          body: { answers: { q1: null, q2: { pick: 'a' }, q3: 'fine' }, extra: true },
        }),
        ['answers.q1', 'answers.q2', ''],
      );
      await expectRefusedAtEdge(call('POST', '/api/attempts/att-1/submit', { token: learner(), body: {} }), [
        'answers',
      ]);
    });

    it('ids in the path with characters no id has', async () => {
      await expectRefusedAtEdge(call('GET', '/api/quizzes/bad%20id', { token: learner() }), ['id']);
      await expectRefusedAtEdge(call('GET', '/api/attempts/%3Cscript%3E', { token: learner() }), ['id']);
      await expectRefusedAtEdge(
        call('DELETE', '/api/quizzes/quiz-1/questions/q.1', { token: instructor() }),
        ['questionId'],
      );
      await expectRefusedAtEdge(call('GET', '/api/quizzes/a%22b/scoreboard', { token: learner() }), ['id']);
    });

    it('a question added both new and from the bank, an unknown import format, a bad scoreboard limit', async () => {
      await expectRefusedAtEdge(
        call('POST', '/api/quizzes/quiz-1/questions', {
          token: instructor(),
          body: { question, bankQuestionId: 'q9' },
        }),
        ['question'],
      );
      await expectRefusedAtEdge(
        call('POST', '/api/question-bank/imports', {
          token: instructor(),
          body: { format: 'xml', xml: '<q/>' },
        }),
        ['format'],
      );
      await expectRefusedAtEdge(
        call('POST', '/api/question-bank/imports', { token: instructor(), body: { format: 'csv' } }),
        ['csv'],
      );
      await expectRefusedAtEdge(call('GET', '/api/quizzes/quiz-1/scoreboard?limit=0', { token: learner() }), [
        'limit',
      ]);
    });
  });

  it('refuses authoring to a learner, and everything to an anonymous caller, without asking the services', async () => {
    const before = quizzes.calls.length;
    expect(
      (await call('POST', '/api/courses/c-1/quizzes', { token: learner(), body: { title: 'x' } })).status,
    ).toBe(403);
    expect((await call('GET', '/api/question-bank', { token: learner() })).status).toBe(403);
    expect((await call('GET', '/api/quizzes/quiz-1')).status).toBe(401);
    expect(quizzes.calls.length).toBe(before);
  });

  it("relays the quiz service's problems unchanged: a learner who is not enrolled gets its 403", async () => {
    const notEnrolled = {
      type: 'urn:quizbook:problem:not-enrolled',
      title: 'Forbidden',
      status: 403,
      detail: 'Enroll in the course to take its quizzes.',
    };
    quizzes.answer('POST /quizzes/quiz-1/attempts', {
      status: 403,
      contentType: problemJson,
      body: JSON.stringify(notEnrolled),
    });
    const token = learner();
    const refused = await call('POST', '/api/quizzes/quiz-1/attempts', { token });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual(notEnrolled);
    expect(lastCall(quizzes)).toMatchObject({
      method: 'POST',
      path: '/quizzes/quiz-1/attempts',
      headers: { authorization: `Bearer ${token}` },
    });
  });

  it('forwards If-Match both ways on a quiz edit, and moves a Location under /api', async () => {
    quizzes.answer('PATCH /quizzes/quiz-1', {
      status: 200,
      contentType: json,
      headers: { etag: 'W/"4"' },
      body: JSON.stringify({ quizId: 'quiz-1', title: 'Renamed' }),
    });
    const edited = await call('PATCH', '/api/quizzes/quiz-1', {
      token: instructor(),
      headers: { 'if-match': 'W/"3"' },
      body: { title: 'Renamed', settings: { passMarkPercent: 80 } },
    });
    expect(edited.status).toBe(200);
    expect(edited.header('etag')).toBe('W/"4"');
    expect(lastCall(quizzes)).toMatchObject({ path: '/quizzes/quiz-1', headers: { 'if-match': 'W/"3"' } });
    expect(JSON.parse(lastCall(quizzes).body)).toEqual({
      title: 'Renamed',
      settings: { passMarkPercent: 80 },
    });

    quizzes.answer('POST /courses/c-1/quizzes', {
      status: 201,
      contentType: json,
      headers: { location: '/quizzes/quiz-2', etag: 'W/"1"' },
      body: JSON.stringify({ quizId: 'quiz-2', status: 'draft' }),
    });
    const created = await call('POST', '/api/courses/c-1/quizzes', {
      token: instructor(),
      body: { title: 'Basics', questions: [question] },
    });
    expect(created.status).toBe(201);
    expect(created.header('location')).toBe('/api/quizzes/quiz-2');
    expect(created.header('etag')).toBe('W/"1"');
    expect(JSON.parse(lastCall(quizzes).body)).toMatchObject({ title: 'Basics', questions: [question] });
  });

  it('relays a submission, an import with its Idempotency-Key and rejected rows, and the scoreboard', async () => {
    quizzes.answer('POST /attempts/att-1/submit', {
      status: 202,
      contentType: json,
      body: JSON.stringify({
        attemptId: 'att-1',
        status: 'submitted',
        submittedAt: '2030-01-01T00:00:00Z',
        late: false,
      }),
    });
    const answers = { q1: 'a', q2: ['x', 'y'], q3: true, q4: 'Event store', q5: 3.14 };
    const submitted = await call('POST', '/api/attempts/att-1/submit', {
      token: learner(),
      body: { answers },
    });
    expect(submitted.status).toBe(202);
    expect(JSON.parse(lastCall(quizzes).body)).toEqual({ answers });

    const rejected = {
      type: 'urn:quizbook:problem:import-rejected',
      title: 'Unprocessable Content',
      status: 422,
      detail: '1 row is invalid; nothing was imported.',
      rows: [{ row: 2, field: 'points', message: 'must be positive' }],
    };
    quizzes.answer('POST /question-bank/imports', {
      status: 422,
      contentType: problemJson,
      body: JSON.stringify(rejected),
    });
    const csv = 'kind,questionId,prompt,points\ntrue-false,t1,Is it?,0\n';
    const imported = await call('POST', '/api/question-bank/imports', {
      token: instructor(),
      headers: { 'idempotency-key': 'import-42' },
      body: { format: 'csv', csv },
    });
    expect(imported.status).toBe(422);
    expect(imported.json()).toEqual(rejected);
    expect(lastCall(quizzes).headers['idempotency-key']).toBe('import-42');
    expect(JSON.parse(lastCall(quizzes).body)).toEqual({ format: 'csv', csv });

    const board = { quizId: 'quiz-1', title: 'Basics', entries: [] };
    results.answer('GET /quizzes/quiz-1/scoreboard?limit=10', {
      status: 200,
      contentType: json,
      body: JSON.stringify(board),
    });
    const scoreboard = await call('GET', '/api/quizzes/quiz-1/scoreboard?limit=10', { token: learner() });
    expect(scoreboard.status).toBe(200);
    expect(scoreboard.json()).toEqual(board);
  });
});
