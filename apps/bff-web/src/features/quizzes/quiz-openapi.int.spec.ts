import { startTestApp, type TestApps } from '../../../../../libs/testing/src/apps';
import { bffWebApp } from '../../bff-web.app';
import { quizPublicRoutes } from './quiz-public-routes';

type Schema = Record<string, unknown>;
interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }
  >;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const problemJson = 'application/problem+json';

describe('the OpenAPI document of the quiz routes', () => {
  let apps: TestApps;
  let document: OpenApi;
  const operation = (method: string, path: string): Operation => document.paths[path]![method]!;
  const bodySchema = (method: string, path: string) =>
    operation(method, path).requestBody?.content['application/json']?.schema;
  const problemsOf = (method: string, path: string) =>
    Object.entries(operation(method, path).responses)
      .filter(([, response]) => response.content?.[problemJson])
      .map(([status]) => Number(status));

  beforeAll(async () => {
    apps = await startTestApp(bffWebApp);
    const response = await fetch(`${apps.url}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApi;
  });
  afterAll(() => apps?.close());

  it.each(quizPublicRoutes)(
    'documents %s %s with the bearer scheme, its 401 and its path ids',
    (method, path) => {
      const documented = operation(method, path);
      expect(documented.security).toEqual([{ bearer: [] }]);
      expect(documented.responses['401']?.content?.[problemJson]).toBeDefined();
      const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const pathParameters = (documented.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(pathNames.sort());
      expect(pathParameters.every((parameter) => parameter.required)).toBe(true);
    },
  );

  it('describes a question by its kind, one schema per kind, with the answer key fields', () => {
    const create = bodySchema('post', '/api/courses/{id}/quizzes') as {
      required: string[];
      properties: { questions: { items: { oneOf: Schema[]; discriminator: Schema } } };
    };
    expect(create.required).toEqual(['title']);
    const question = create.properties.questions.items;
    expect(question.discriminator).toEqual({ propertyName: 'kind' });
    expect(
      question.oneOf.map((kind) => (kind.properties as { kind: { enum: string[] } }).kind.enum[0]),
    ).toEqual(['single-choice', 'multiple-choice', 'true-false', 'short-text', 'numeric']);
    expect(question.oneOf[1]).toMatchObject({
      properties: { scoring: { enum: ['all-or-nothing', 'partial'] } },
    });
    expect(question.oneOf[4]).toMatchObject({ properties: { tolerance: { minimum: 0 } } });
  });

  it('describes answers as a map from question id to the answer kinds, and the 202 of a submission', () => {
    const submit = bodySchema('post', '/api/attempts/{id}/submit') as {
      properties: { answers: { type: string; additionalProperties: { oneOf: { type: string }[] } } };
    };
    expect(submit.properties.answers.type).toBe('object');
    expect(submit.properties.answers.additionalProperties.oneOf.map((answer) => answer.type)).toEqual([
      'string',
      'array',
      'boolean',
      'number',
    ]);
    expect(
      operation('post', '/api/attempts/{id}/submit').responses['202']?.content?.['application/json']?.schema,
    ).toMatchObject({ properties: { status: { enum: ['submitted'] }, late: { type: 'boolean' } } });
    expect(problemsOf('post', '/api/attempts/{id}/submit')).toEqual(expect.arrayContaining([400, 404, 409]));
  });

  it('documents If-Match on quiz edits, 428 and 412, and the ETag a quiz answers with', () => {
    const edit = operation('patch', '/api/quizzes/{id}');
    expect(edit.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'if-match', in: 'header', required: true })]),
    );
    expect(problemsOf('patch', '/api/quizzes/{id}')).toEqual(expect.arrayContaining([400, 404, 412, 428]));
    expect(edit.responses['200']?.headers).toHaveProperty('etag');
    expect(operation('get', '/api/quizzes/{id}').responses['200']?.headers).toHaveProperty('etag');
    for (const [method, path] of [
      ['post', '/api/quizzes/{id}/questions'],
      ['put', '/api/quizzes/{id}/questions/{questionId}'],
      ['post', '/api/quizzes/{id}/publish'],
    ] as const)
      expect(operation(method, path).parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'if-match', required: false })]),
      );
  });

  it('documents the start (201 new, 200 in progress) and its refusals, the import report and its Idempotency-Key, and the scoreboard limit', () => {
    expect(problemsOf('post', '/api/quizzes/{id}/attempts')).toEqual(expect.arrayContaining([403, 404, 409]));
    const { responses } = operation('post', '/api/quizzes/{id}/attempts');
    for (const status of ['201', '200'])
      expect(responses[status]?.content?.['application/json']?.schema).toMatchObject({
        required: expect.arrayContaining(['attemptId', 'deadline', 'questions']),
      });
    const imports = operation('post', '/api/question-bank/imports');
    expect(imports.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]),
    );
    expect(problemsOf('post', '/api/question-bank/imports')).toEqual(expect.arrayContaining([400, 422]));
    expect(bodySchema('post', '/api/question-bank/imports')).toMatchObject({
      discriminator: { propertyName: 'format' },
    });
    expect(operation('get', '/api/quizzes/{id}/scoreboard').parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'limit',
          in: 'query',
          required: false,
          schema: expect.objectContaining({ maximum: 1000 }),
        }),
      ]),
    );
    expect(
      operation('get', '/api/quizzes/{id}/scoreboard').responses['200']?.content?.['application/json']
        ?.schema,
    ).toMatchObject({ properties: { entries: { type: 'array' } } });
  });
});
