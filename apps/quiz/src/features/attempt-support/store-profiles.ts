import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { Environment, Lease } from '@quizbook/platform';
import { storeProfiles as profiles, type TestApps } from '@quizbook/testing';

export type { StoreProfile } from '@quizbook/testing';

/**
 * Where an attempt spec's stores live, fixed for the whole spec so an app can be restarted on them:
 * SQLite files and the memory bus always; MariaDB and Redis Streams when the machine has them.
 */
export const storeProfiles = profiles({
  label: 'quiz-attempts',
  names: { embedded: 'on SQLite and the memory bus', servers: 'on MariaDB and Redis Streams' },
});

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
