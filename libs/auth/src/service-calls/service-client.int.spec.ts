import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { defineApp, Public, runWithCorrelation, type ProblemError } from '@quizbook/platform';
import { startTestApp, type TestApps } from '@quizbook/testing';
import type { Principal } from '../principal';
import { AuthModule } from '../nest/auth.module';
import { ServiceCallError, ServiceUnavailableError } from './service-call-errors';
import { ServiceClient } from './service-client';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const emailTaken = {
  type: 'urn:quizbook:problem:email-taken',
  title: 'Conflict',
  status: 409,
  detail: 'That email is taken.',
  instance: '/users',
  correlationId: 'the-services-own-view',
  currentVersion: 3,
};

/** A real HTTP server playing the called service: it records what arrives and answers per path. */
let received: Received[] = [];
let server: Server;
let serviceUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const path = request.url!.split('?')[0];
      if (path === '/users/me')
        response
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: '"7"' })
          .end(JSON.stringify({ userId: 'user-1' }));
      else if (path === '/users')
        response
          .writeHead(409, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify(emailTaken));
      else if (path === '/sessions') response.writeHead(204).end();
      else response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  received = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const caller: Principal = {
  userId: 'user-1',
  email: 'a@example.com',
  roles: ['learner'],
  token: 'header.payload.signature',
  expiresAt: 0,
};

describe('ServiceClient against a real HTTP server', () => {
  it("forwards the caller's bearer token and the current correlation id", async () => {
    const client = new ServiceClient({ baseUrl: `${serviceUrl}/`, name: 'user' });

    const response = await runWithCorrelation('corr-123', () =>
      client.get<{ userId: string }>('/users/me', { as: caller, query: { fields: 'all', skip: undefined } }),
    );

    expect(response).toMatchObject({ status: 200, body: { userId: 'user-1' } });
    expect(response.headers.get('etag')).toBe('"7"');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'GET', url: '/users/me?fields=all' });
    expect(received[0]!.headers).toMatchObject({
      authorization: 'Bearer header.payload.signature',
      'x-correlation-id': 'corr-123',
    });
  });

  it('sends a JSON body and extra headers, and sends no token when called for no one', async () => {
    const client = new ServiceClient({ baseUrl: serviceUrl });
    const response = await client.post('/sessions', {
      body: { refreshToken: 'r' },
      headers: { 'idempotency-key': 'k-1' },
    });

    expect(response).toEqual({ status: 204, headers: expect.any(Headers), body: undefined });
    expect(received[0]!.body).toBe('{"refreshToken":"r"}');
    expect(received[0]!.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
    });
    expect(received[0]!.headers.authorization).toBeUndefined();
    expect(received[0]!.headers['x-correlation-id']).toBeUndefined();
  });

  it('throws a problem answer as a ServiceCallError carrying its status and body', async () => {
    const client = new ServiceClient({ baseUrl: serviceUrl, name: 'user' });
    const error = await client.post('/users', { as: caller, body: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServiceCallError);
    expect(error).toMatchObject({ service: 'user', status: 409, body: emailTaken });
    expect((error as ServiceCallError).problem).toEqual({
      type: 'urn:quizbook:problem:email-taken',
      title: 'Conflict',
      status: 409,
      detail: 'That email is taken.',
      currentVersion: 3,
    });
  });

  it('turns a non-problem error answer into a 502 problem, keeping the raw body for logs', async () => {
    const client = new ServiceClient({ baseUrl: serviceUrl, name: 'course' });
    const error = (await client.get('/broken').catch((caught: unknown) => caught)) as ServiceCallError;

    expect(error).toBeInstanceOf(ServiceCallError);
    expect(error).toMatchObject({ status: 500, body: '<h1>Internal Server Error</h1>' });
    expect(error.problem).toMatchObject({ status: 502, type: 'urn:quizbook:problem:bad-gateway' });
  });

  it('answers 503 when the service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await new ServiceClient({ baseUrl: `http://127.0.0.1:${port}`, name: 'quiz' })
      .get('/quizzes/1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ProblemError).problem).toMatchObject({ status: 503 });
  });
});

describe('ServiceClient inside a Nest app (the BFF relaying)', () => {
  @Controller('relay')
  class RelayController {
    private readonly users = new ServiceClient({ baseUrl: serviceUrl, name: 'user' });

    @Public()
    @Get('register')
    async register() {
      return (await this.users.post('/users', { body: { email: 'taken@example.com' } })).body;
    }
  }

  @Module({
    imports: [AuthModule.forApp({ verifier: { verify: () => Promise.reject(new Error('unused')) } })],
    controllers: [RelayController],
  })
  class RelayModule {}

  let app: TestApps;
  beforeAll(async () => {
    app = await startTestApp(defineApp({ name: 'bff-web', module: RelayModule, uses: [] }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("relays the service's problem to the client and carries the request's correlation id to the service", async () => {
    const response = await fetch(`${app.url}/relay/register`, { headers: { 'x-correlation-id': 'spa-42' } });

    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual({
      type: 'urn:quizbook:problem:email-taken',
      title: 'Conflict',
      status: 409,
      detail: 'That email is taken.',
      currentVersion: 3,
      instance: '/relay/register',
      correlationId: 'spa-42',
    });
    expect(received[0]!.headers['x-correlation-id']).toBe('spa-42');
  });
});
