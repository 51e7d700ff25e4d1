import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { Environment, Lease } from '@quizbook/platform';
import { createFreshMysqlDatabase, mysqlUrl, redisUrl, uniqueName, type TestApps } from '@quizbook/testing';
import Redis from 'ioredis';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where a spec's stores live, fixed for the whole spec so an app can be restarted on them: SQLite
 * files and the memory bus always; MariaDB and Redis Streams when the machine has them.
 */
export interface StoreProfile {
  name: string;
  available: boolean;
  open(): Promise<{ env: Environment; cleanup(): Promise<void> }>;
}

export const storeProfiles: StoreProfile[] = [
  {
    name: 'on SQLite and the memory bus',
    available: true,
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'quizbook-attempts-'));
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
    name: 'on MariaDB and Redis Streams',
    available: mysqlUrl !== undefined && redisUrl !== undefined,
    async open() {
      const database = await createFreshMysqlDatabase('qb_quiz_attempts');
      // A prefix of its own keeps this run's topics apart from earlier runs and other suites.
      const prefix = uniqueName('qb-quiz-attempts');
      const bus = new URL(redisUrl!);
      bus.searchParams.set('prefix', prefix);
      return {
        env: { EVENT_STORE_URL: database.url, READ_DB_URL: database.url, BUS_URL: bus.toString() },
        cleanup: async () => {
          await database.drop();
          await dropRedisKeys(`${prefix}:*`);
        },
      };
    },
  },
];

async function dropRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(redisUrl!);
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      if (next === '0') break;
      cursor = next;
    }
  } finally {
    redis.disconnect();
  }
}

/** The very event store / bus instance a running test app uses (shared per URL by its registry). */
export function appEventStore(apps: TestApps, env: Environment): Promise<Lease<EventStore>> {
  return apps.resources.acquire<EventStore>(`eventStore ${env.EVENT_STORE_URL}`, () =>
    Promise.reject(new Error('the app holds the event store')),
  );
}

export function appBus(apps: TestApps, env: Environment): Promise<Lease<MessageBus>> {
  return apps.resources.acquire<MessageBus>(`bus ${env.BUS_URL}`, () =>
    Promise.reject(new Error('the app holds the bus')),
  );
}
