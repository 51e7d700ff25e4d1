import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  signToken,
  startJwksServer,
  type JwksServer,
  type Role,
} from '@quizbook/auth';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { openMessageBus, type Consumer, type Message, type MessageBus } from '@quizbook/messaging';
import type { Environment } from '@quizbook/platform';
import {
  createFreshMysqlDatabase,
  mysqlUrl,
  redisUrl,
  startTestApp,
  uniqueName,
  type TestApps,
} from '@quizbook/testing';
import { createQuizResultApp, type QuizResultAppOptions } from '../quiz-result.app';
import type { QuizResultTimers } from '../quiz-result-timers';

export { eventually } from '@quizbook/testing';

/** A movable clock: specs jump past a digest's delay and interval instead of waiting. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

const issuer = { issuer: 'urn:quizbook:user-service', audience: 'quizbook' };

/** Signs tokens with a key published by a JWKS double standing in for the user service. */
export class TestIssuer {
  private readonly key = generateSigningKey('quiz-result-spec-key');
  private jwks?: JwksServer;

  async start(): Promise<string> {
    this.jwks = await startJwksServer(jwksOf(this.key));
    return this.jwks.url;
  }

  tokenFor(userId: string, roles: Role[] = ['learner']): string {
    return signToken(this.key, localAccessClaims(issuer, { sub: userId, roles }));
  }

  close(): Promise<void> {
    return this.jwks?.close() ?? Promise.resolve();
  }
}

/** Where the stores live: files in a temp dir and a memory bus, or MariaDB and Redis. */
export interface StoreProfile {
  name: string;
  available: boolean;
  /** Stores that outlive one app, so a spec can restart the app on them. */
  open(): Promise<{ env: Environment; cleanup(): Promise<void> }>;
}

export const storeProfiles: StoreProfile[] = [
  {
    name: 'SQLite and the memory bus',
    available: true,
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'quizbook-quiz-result-'));
      return {
        env: {
          EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
          READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
          BUS_URL: 'memory:',
        },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'MariaDB and Redis',
    available: mysqlUrl !== undefined && redisUrl !== undefined,
    async open() {
      const database = await createFreshMysqlDatabase('qb_quiz_result');
      const bus = new URL(redisUrl!);
      bus.searchParams.set('prefix', uniqueName('qb-quiz-result'));
      return {
        env: { EVENT_STORE_URL: database.url, READ_DB_URL: database.url, BUS_URL: bus.toString() },
        cleanup: () => database.drop(),
      };
    },
  },
];

export const availableProfiles = storeProfiles.filter((profile) => profile.available);

/** The app on the given stores, plus a writer on its event store and recorders on its bus. */
export class QuizResultHarness {
  apps?: TestApps;
  writer?: EventStore;
  /** One lease per app run: on the memory bus each run has its own bus instance. */
  private readonly leases: { apps: TestApps; lease: { resource: MessageBus; release(): Promise<void> } }[] =
    [];
  private readonly consumers: Consumer[] = [];
  private timers?: QuizResultTimers;
  /** `performance.now()` at the first receipt of each message id, to report push latency. */
  readonly firstReceivedAt = new Map<string, number>();

  constructor(
    readonly env: Environment,
    private readonly jwksUrl: string,
  ) {}

  async start(options: QuizResultAppOptions = {}): Promise<TestApps> {
    this.apps = await startTestApp(
      createQuizResultApp({
        timerPollMs: 20,
        ...options,
        onTimersStarted: (timers) => (this.timers = timers),
      }),
      {
        env: { USER_SERVICE_URL: this.jwksUrl, LOG_LEVEL: 'warn', ...this.env },
      },
    );
    this.writer ??= await openEventStore(this.env.EVENT_STORE_URL!);
    return this.apps;
  }

  /** Stops the app (a restart or a crash of the process); the stores and recorders stay. */
  async stop(): Promise<void> {
    await this.apps?.close();
    this.apps = undefined;
  }

  /**
   * Everything published on `topic` by the running app, seen by a consumer group of the spec's own.
   * After a restart, record again: on the memory bus the new run has a new bus.
   */
  async record(topic: string, group = uniqueName('spec')): Promise<Message[]> {
    const apps = this.apps!;
    let entry = this.leases.find((lease) => lease.apps === apps);
    if (!entry) {
      const busUrl = this.env.BUS_URL!;
      const lease = await apps.resources.acquire<MessageBus>(`bus ${busUrl}`, () => openMessageBus(busUrl));
      entry = { apps, lease };
      this.leases.push(entry);
    }
    const received: Message[] = [];
    this.consumers.push(
      await entry.lease.resource.consume({
        topic,
        group,
        handler: async (message) => {
          if (!this.firstReceivedAt.has(message.id)) this.firstReceivedAt.set(message.id, performance.now());
          received.push(message);
        },
      }),
    );
    return received;
  }

  /**
   * One whole timer round that starts now: after it, whatever was due at the clock's current time
   * has been published.
   */
  async runTimers(): Promise<void> {
    await this.timers!.runOnce();
  }

  async get<T = Record<string, unknown>>(route: string, token?: string) {
    const response = await fetch(`${this.apps!.url}${route}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async close(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.close();
    for (const { lease } of this.leases.splice(0)) await lease.release();
    await this.stop();
    await this.writer?.close();
  }
}
