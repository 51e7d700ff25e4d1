import { startTestApp, type TestApps } from '../../../../../libs/testing/src/apps';
import { bffWebApp } from '../../bff-web.app';
import { quizPublicRoutes } from '../../features/quizzes/quiz-public-routes';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<
    string,
    { content?: Record<string, { schema: Record<string, unknown> }>; headers?: Record<string, unknown> }
  >;
}
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

// Every route of the public API bff-web serves so far, and whether it needs a token.
const routes: [method: string, path: string, access: 'public' | 'bearer'][] = [
  ['post', '/api/auth/register', 'public'],
  ['post', '/api/auth/login', 'public'],
  ['post', '/api/auth/refresh', 'public'],
  ['post', '/api/auth/logout', 'bearer'],
  ['get', '/api/me', 'bearer'],
  ['post', '/api/admin/users/{id}/roles', 'bearer'],
  ['get', '/.well-known/jwks.json', 'public'],
  ['get', '/api/courses', 'public'],
  ['get', '/api/courses/{id}', 'public'],
  ['post', '/api/courses', 'bearer'],
  ['patch', '/api/courses/{id}', 'bearer'],
  ['post', '/api/courses/{id}/publish', 'bearer'],
  ['post', '/api/courses/{id}/archive', 'bearer'],
  ['get', '/api/cart', 'bearer'],
  ['post', '/api/cart/items', 'bearer'],
  ['delete', '/api/cart/items/{courseId}', 'bearer'],
  ['post', '/api/orders', 'bearer'],
  ['get', '/api/orders', 'bearer'],
  ['get', '/api/orders/{id}', 'bearer'],
  ['post', '/api/orders/{id}/cancel', 'bearer'],
  ['post', '/api/orders/{id}/checkout', 'bearer'],
  ['get', '/api/enrollments', 'bearer'],
  ...quizPublicRoutes,
  ['get', '/api/live', 'bearer'],
];

describe('the OpenAPI document of bff-web', () => {
  let apps: TestApps;
  let document: OpenApi;

  beforeAll(async () => {
    apps = await startTestApp(bffWebApp);
    const response = await fetch(`${apps.url}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApi;
  });

  afterAll(() => apps?.close());

  it('lists exactly the API routes the app serves', () => {
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const api = listed.filter((route) => !/ \/(health|metrics)/.test(route)).sort();
    expect(api).toEqual(routes.map(([method, path]) => `${method} ${path}`).sort());
  });

  it.each(routes)('documents the access of %s %s as %s', (method, path, access) => {
    const operation = document.paths[path]![method]!;
    if (access === 'bearer') {
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(operation.responses['401']?.content?.['application/problem+json']).toBeDefined();
    } else {
      expect(operation.security ?? []).toEqual([]);
    }
  });

  it('declares the bearer scheme and the problem schema', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.Problem).toMatchObject({
      required: ['type', 'title', 'status', 'detail'],
    });
  });

  it('describes request bodies from the validation schemas, and errors as problems', () => {
    const register = document.paths['/api/auth/register']!.post!;
    expect(register.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: ['email', 'password', 'name'],
      properties: { email: { type: 'string', format: 'email' }, password: { minLength: 10 } },
    });
    expect(register.responses['201']?.content?.['application/json']?.schema).toMatchObject({
      properties: { userId: { type: 'string' } },
    });
    for (const status of ['400', '409', '429', '503'])
      expect(register.responses[status]?.content?.['application/problem+json']?.schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
  });

  it('documents the course search query, If-Match, Idempotency-Key and the ETag a course answers with', () => {
    const search = document.paths['/api/courses']!.get!;
    expect(search.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'q', in: 'query', required: false }),
        expect.objectContaining({
          name: 'level',
          in: 'query',
          schema: expect.objectContaining({ enum: ['beginner', 'intermediate', 'advanced'] }),
        }),
        expect.objectContaining({
          name: 'pageSize',
          in: 'query',
          schema: expect.objectContaining({ maximum: 100 }),
        }),
      ]),
    );
    const edit = document.paths['/api/courses/{id}']!.patch!;
    expect(edit.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'if-match', in: 'header', required: true })]),
    );
    for (const status of ['412', '428'])
      expect(edit.responses[status]?.content?.['application/problem+json']).toBeDefined();
    expect(edit.responses['200']?.headers).toHaveProperty('etag');
    expect(document.paths['/api/courses/{id}']!.get!.responses['200']?.headers).toHaveProperty('etag');
    const place = document.paths['/api/orders']!.post!;
    expect(place.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]),
    );
    expect(place.responses['201']?.content?.['application/json']?.schema).toMatchObject({
      properties: { orderId: { type: 'string' } },
    });
  });

  it('serves the swagger UI page without a token, under a CSP its own scripts satisfy', async () => {
    const page = await fetch(`${apps.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/<script>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-init.js']) {
      const response = await fetch(`${apps.url}/api/docs/${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
  });
});
