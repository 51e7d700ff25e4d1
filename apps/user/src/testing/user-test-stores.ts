import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlDatabase, type AnySqlDatabase, type SqlDialectName } from '@quizbook/database';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { createFreshMysqlDatabase, describeWithMysql } from '@quizbook/testing';
import { PasswordHasher, testOnlyArgon2Cost } from '../passwords/password-hasher';
import { createUserServices, type UserServices } from '../user-services';
import type { Clock } from '../store/clock';

export interface UserTestStores {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  /** A second read-database handle, as another process would have. */
  openReadDb(): Promise<AnySqlDatabase>;
  close(): Promise<void>;
}

/** Each store suite runs on SQLite always, and on MariaDB when MYSQL_URL is set. */
export const userDialects: readonly {
  dialect: SqlDialectName;
  describe: jest.Describe;
  open(): Promise<UserTestStores>;
}[] = [
  {
    dialect: 'sqlite',
    describe,
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'qb-user-'));
      return stores(`sqlite:${path.join(dir, 'events.db')}`, `sqlite:${path.join(dir, 'read.db')}`, () =>
        rm(dir, { recursive: true, force: true }),
      );
    },
  },
  {
    dialect: 'mysql',
    describe: describeWithMysql,
    async open() {
      const fresh = await createFreshMysqlDatabase('qb_user');
      return stores(fresh.url, fresh.url, fresh.drop);
    },
  },
];

async function stores(
  eventStoreUrl: string,
  readDbUrl: string,
  drop: () => Promise<void>,
): Promise<UserTestStores> {
  const eventStore = await openEventStore(eventStoreUrl);
  const readDb = await openSqlDatabase(readDbUrl);
  const extra: AnySqlDatabase[] = [];
  return {
    eventStore,
    readDb,
    async openReadDb() {
      const handle = await openSqlDatabase(readDbUrl);
      extra.push(handle);
      return handle;
    },
    async close() {
      for (const handle of extra) await handle.close();
      await readDb.close();
      await eventStore.close();
      await drop();
    },
  };
}

export const testAuthConfig = {
  auth: {
    mode: 'local' as const,
    issuer: 'urn:quizbook:test',
    audience: 'quizbook-test',
    jwksUri: 'http://127.0.0.1:1/.well-known/jwks.json',
  },
  adminEmails: ['boss@example.com'],
};

export function servicesOn(stores: UserTestStores, clock?: Clock): Promise<UserServices> {
  return createUserServices({
    eventStore: stores.eventStore,
    readDb: stores.readDb,
    config: testAuthConfig,
    passwords: new PasswordHasher(testOnlyArgon2Cost),
    ...(clock ? { clock } : {}),
  });
}

/** A clock the spec moves by hand. */
export function manualClock(start = new Date('2026-01-01T00:00:00.000Z')) {
  let now = start.getTime();
  const clock: Clock = () => new Date(now);
  return { clock, advanceSeconds: (seconds: number) => (now += seconds * 1000) };
}
