import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Body, Controller, Get, Inject, Module, Post } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@quizbook/eventstore';
import type { Consumer, Message, MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import { z } from 'zod';
import { loadConfig } from '../config/load-config';
import { currentCorrelationId } from '../correlation/correlation-context';
import { conflict } from '../http/problem-error';
import { ZodValidationPipe } from '../http/zod-validation';
import { ResourceRegistry } from '../lifecycle/resource-registry';
import { bootstrap, type AppHandle } from './bootstrap';
import { defineApp } from './define-app';
import { EVENT_STORE, LOGGER, MESSAGE_BUS } from './tokens';

/** Keeps the JSON log lines (the testing lib has one too, but platform must not depend on testing). */
class LogRecorder {
  readonly records: Record<string, unknown>[] = [];
  write(line: string): void {
    this.records.push(JSON.parse(line) as Record<string, unknown>);
  }
  find(fields: Record<string, unknown>): Record<string, unknown>[] {
    return this.records.filter((record) =>
      Object.entries(fields).every(([key, value]) => record[key] === value),
    );
  }
}

const signUp = z.object({ email: z.string().email(), name: z.string().min(1) });

@Controller('probe')
class ProbeController {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post('sign-up')
  async signUp(@Body(new ZodValidationPipe(signUp)) body: z.infer<typeof signUp>) {
    this.logger.info({ email: body.email }, 'signing up');
    // No headers passed: the bus an app is handed stamps the request's correlation id itself.
    await this.bus.publish('probe.signed-up', { type: 'SignedUp', payload: body });
    await this.store.appendToStream('probe-1', [{ type: 'SignedUp', data: body }], {
      expectedRevision: 'any',
    });
    return { correlationId: currentCorrelationId() };
  }

  @Get('taken')
  taken(): never {
    throw conflict('That email is taken.', { type: 'email-taken' });
  }

  @Get('boom')
  boom(): never {
    throw new Error('pool exhausted at mysql://root:pw@10.0.0.7');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

class NeedsEventStore {
  constructor(@Inject(EVENT_STORE) readonly store: unknown) {}
}

@Module({ providers: [NeedsEventStore] })
class UndeclaredDependencyModule {}

@Module({})
class NoRoutesModule {}

/** What each handler saw, with the correlation id current while it ran. */
const received: { message: Message; flow: string | undefined }[] = [];
const projected: { event: RecordedEvent; flow: string | undefined }[] = [];

const publisher = defineApp({
  name: 'user',
  module: ProbeModule,
  uses: ['bus', 'eventStore'],
  async onStart({ eventStore, lifecycle }) {
    const subscription = eventStore.subscribeToAll({
      after: 'start',
      categories: ['probe'],
      handler: async (event) => {
        projected.push({ event, flow: currentCorrelationId() });
      },
    });
    lifecycle.onShutdown('probe subscription', () => subscription.close());
  },
});
const listener = defineApp({
  name: 'notification',
  module: NoRoutesModule,
  uses: ['bus'],
  async onStart({ bus, lifecycle }) {
    const consumer: Consumer = await bus.consume({
      topic: 'probe.signed-up',
      group: 'probe',
      handler: async (message) => {
        received.push({ message, flow: currentCorrelationId() });
      },
    });
    lifecycle.onShutdown('probe consumer', () => consumer.close());
  },
});

describe('bootstrapping an app', () => {
  const logs = new LogRecorder();
  const resources = new ResourceRegistry();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quizbook-bootstrap-'));
  const config = loadConfig('user', { LOG_LEVEL: 'debug', EVENT_STORE_URL: `sqlite:${dataDir}/events.db` });
  let handles: AppHandle[] = [];
  let url: string;

  beforeAll(async () => {
    handles = await Promise.all(
      [publisher, listener].map((app) =>
        bootstrap(app, { config: { ...config, app: app.name }, port: 0, resources, logDestination: logs }),
      ),
    );
    url = handles[0]!.url;
  });

  afterAll(async () => {
    for (const handle of handles) await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the caller correlation id through body parsing into the handler and its log lines', async () => {
    const response = await fetch(`${url}/probe/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'signup-1' },
      body: JSON.stringify({ email: 'ada@example.com', name: 'Ada' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ correlationId: 'signup-1' });
    expect(response.headers.get('x-correlation-id')).toBe('signup-1');
    expect(response.headers.get('x-request-id')).toBe('signup-1');
    expect(logs.find({ msg: 'signing up' })[0]).toMatchObject({ app: 'user', correlationId: 'signup-1' });
    expect(logs.find({ msg: 'request', url: '/probe/sign-up' })[0]).toMatchObject({
      method: 'POST',
      status: 201,
      correlationId: 'signup-1',
    });
  });

  it('takes x-request-id when there is no x-correlation-id, and generates one when neither is sent', async () => {
    const given = await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'lb-77' } });
    expect(given.headers.get('x-correlation-id')).toBe('lb-77');
    const generated = await fetch(`${url}/health/live`);
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shares one memory bus between the apps of a registry, and carries the request flow into messages and events', async () => {
    await fetch(`${url}/probe/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'signup-2' },
      body: JSON.stringify({ email: 'grace@example.com', name: 'Grace' }),
    });
    const inFlow = () => ({
      message: received.find((r) => r.message.headers['x-correlation-id'] === 'signup-2'),
      event: projected.find((p) => p.event.metadata.correlationId === 'signup-2'),
    });
    for (let i = 0; i < 100 && !(inFlow().message && inFlow().event); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const { message, event } = inFlow();
    expect(message?.message.payload).toEqual({ email: 'grace@example.com', name: 'Grace' });
    expect(message?.flow).toBe('signup-2');
    expect(event?.event.data).toEqual({ email: 'grace@example.com', name: 'Grace' });
    expect(event?.flow).toBe('signup-2');
    expect(resources.keys().filter((key) => key.startsWith('bus'))).toEqual(['bus memory:']);
  });

  it('answers invalid input with a validation problem naming each field', async () => {
    const response = await fetch(`${url}/probe/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email', name: '' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; errors: { field: string }[] };
    expect(problem.type).toBe('urn:quizbook:problem:validation');
    expect(problem.errors.map((error) => error.field)).toEqual(['email', 'name']);
  });

  it('answers a domain error with its own problem type', async () => {
    const response = await fetch(`${url}/probe/taken`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      type: 'urn:quizbook:problem:email-taken',
      title: 'Conflict',
      detail: 'That email is taken.',
      instance: '/probe/taken',
    });
  });

  it('answers an unexpected error with a generic 500, logging the stack but sending none of it', async () => {
    const response = await fetch(`${url}/probe/boom`, { headers: { 'x-correlation-id': 'boom-1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/pool exhausted|10\.0\.0\.7|at \w+ \(/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, correlationId: 'boom-1', instance: '/probe/boom' });
    const logged = logs.find({ msg: 'request failed', correlationId: 'boom-1' })[0];
    expect((logged?.err as { stack?: string } | undefined)?.stack).toContain('pool exhausted');
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const response = await fetch(`${url}/probe/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses to start an app that injects a dependency it did not declare, naming the token', async () => {
    const app = defineApp({ name: 'course', module: UndeclaredDependencyModule, uses: [] });
    await expect(
      bootstrap(app, { config, port: 0, resources: new ResourceRegistry(), logDestination: logs }),
    ).rejects.toThrow(EVENT_STORE);
  });
});
