import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { openMessageBus, type Consumer, type Message, type MessageBus } from '@quizbook/messaging';
import type { Environment } from '@quizbook/platform';
import {
  jsonClient,
  startTestApp,
  storeProfiles as profiles,
  uniqueName,
  type TestApps,
} from '@quizbook/testing';
import { createQuizResultApp, type QuizResultAppOptions } from '../quiz-result.app';
import type { QuizResultTimers } from '../quiz-result-timers';

export { eventually, TestTokenIssuer as TestIssuer, type StoreProfile } from '@quizbook/testing';

/** A movable clock: specs jump past a digest's delay and interval instead of waiting. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** SQLite files and the memory bus; MariaDB and Redis where the machine has them. */
export const storeProfiles = profiles({ label: 'quiz-result' });

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

  /** Status and body only: specs compare whole answers. */
  async get<T = Record<string, unknown>>(route: string, token?: string) {
    const { status, body } = await jsonClient(() => this.apps!.url)<T>('GET', route, { token });
    return { status, body };
  }

  async close(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.close();
    for (const { lease } of this.leases.splice(0)) await lease.release();
    await this.stop();
    await this.writer?.close();
  }
}
