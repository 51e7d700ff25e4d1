import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Environment } from '@quizbook/platform';
import Redis from 'ioredis';
import { createFreshMysqlDatabase, mysqlUrl, redisUrl, uniqueName } from './integration-services';

/** Stores opened for one spec: the variables that point apps at them, and how to remove them. */
export interface OpenedStores {
  env: Environment;
  cleanup(): Promise<void>;
}

/**
 * Where a spec's stores live. Each `open()` makes new, empty stores that outlive any one app, so a
 * spec can restart apps on them; `available` is false where the machine lacks the services.
 */
export interface StoreProfile {
  readonly name: string;
  readonly available: boolean;
  open(): Promise<OpenedStores>;
}

export interface StoreProfileOptions {
  /** Names this run's temp dir, database and bus prefix, e.g. `quiz-attempts`. */
  label: string;
  /**
   * The profile every machine has: `sqlite` (default) for SQLite files in a temp dir of their own
   * plus the memory bus; `app-default` for env `{}`, the defaults startTestApp gives each run.
   */
  embedded?: 'sqlite' | 'app-default';
  /** Also point CACHE_URL at REDIS_URL in the MariaDB + Redis profile. */
  withCache?: boolean;
  /** Spec titles: the profiles' names, when a spec's wording wants others than the defaults. */
  names?: { embedded?: string; servers?: string };
}

/** The embedded profile, always available, then MariaDB + Redis Streams when MYSQL_URL and REDIS_URL are set. */
export function storeProfiles(options: StoreProfileOptions): StoreProfile[] {
  return [embeddedProfile(options), serversProfile(options)];
}

function embeddedProfile({ label, embedded = 'sqlite', names }: StoreProfileOptions): StoreProfile {
  if (embedded === 'app-default')
    return {
      name: names?.embedded ?? 'the embedded default',
      available: true,
      open: async () => ({ env: {}, cleanup: async () => undefined }),
    };
  return {
    name: names?.embedded ?? 'SQLite and the memory bus',
    available: true,
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), `quizbook-${label}-`));
      return {
        env: {
          EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
          READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
          BUS_URL: 'memory:',
        },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  };
}

function serversProfile({ label, withCache = false, names }: StoreProfileOptions): StoreProfile {
  return {
    name: names?.servers ?? 'MariaDB and Redis',
    available: mysqlUrl !== undefined && redisUrl !== undefined,
    async open() {
      const database = await createFreshMysqlDatabase(`qb_${label.replace(/-/g, '_')}`);
      // A prefix of its own keeps this run's topics apart from earlier runs and other suites.
      const prefix = uniqueName(`qb-${label}`);
      const bus = new URL(redisUrl!);
      bus.searchParams.set('prefix', prefix);
      return {
        env: {
          EVENT_STORE_URL: database.url,
          READ_DB_URL: database.url,
          BUS_URL: bus.toString(),
          ...(withCache ? { CACHE_URL: redisUrl! } : {}),
        },
        cleanup: async () => {
          await database.drop();
          await dropRedisKeys(`${prefix}:*`);
        },
      };
    },
  };
}

/** Unlinks every key on the REDIS_URL server that matches `pattern` (a glob, e.g. `prefix:*`). */
export async function dropRedisKeys(pattern: string): Promise<void> {
  if (!redisUrl) throw new Error('REDIS_URL is not set');
  const redis = new Redis(redisUrl);
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
