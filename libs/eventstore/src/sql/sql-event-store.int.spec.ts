import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventStoreContract } from '../../../testing/src/contracts';
import {
  createFreshMysqlDatabase,
  describeWithMysql,
} from '../../../testing/src/environment/integration-services';
import type { RecordedEvent } from '../event-store.port';
import { openEventStore } from '../open-event-store';
import { SqlEventStore } from './sql-event-store';

function tempSqliteUrl(): { url: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'qb-eventstore-'));
  return {
    url: `sqlite:${path.join(dir, 'events.db')}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

eventStoreContract(
  'SQL on SQLite',
  async () => {
    const { url, remove } = tempSqliteUrl();
    const store = await openEventStore(url);
    return {
      store,
      reopen: () => openEventStore(url),
      cleanup: async () => {
        await store.close();
        remove();
      },
    };
  },
  { contiguousPositions: true },
);

describeWithMysql('SQL on MySQL/MariaDB', () => {
  eventStoreContract(
    'SQL on MySQL/MariaDB',
    async () => {
      const database = await createFreshMysqlDatabase('qb_eventstore');
      const store = await openEventStore(database.url);
      return {
        store,
        reopen: () => openEventStore(database.url),
        cleanup: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
    { contiguousPositions: true },
  );
});

/** Adapter behaviour beyond the port: wake-ups across instances, schema creation at every open. */
function sqlAdapterSpecifics(
  name: string,
  freshUrl: () => Promise<{ url: string; remove: () => Promise<void> | void }>,
) {
  describe(`SQL event store specifics on ${name}`, () => {
    it('an append through another instance on the same URL wakes a subscriber without waiting for a poll', async () => {
      const { url, remove } = await freshUrl();
      // A poll interval far beyond the test timeout: only the in-process notifier can deliver in time.
      const subscriberSide = await SqlEventStore.open(url, { pollIntervalMs: 3_600_000 });
      const writerSide = await SqlEventStore.open(url);
      try {
        const received: RecordedEvent[] = [];
        let delivered!: () => void;
        const firstDelivery = new Promise<void>((resolve) => (delivered = resolve));
        const subscription = subscriberSide.subscribeToAll({
          after: 'start',
          handler: async (event) => {
            received.push(event);
            delivered();
          },
        });
        await subscription.caughtUp;

        await writerSide.appendToStream('course-1', [{ type: 'CourseOpened', data: {} }], {
          expectedRevision: 'no-stream',
        });
        await firstDelivery;
        expect(received.map((e) => [e.streamName, e.position])).toEqual([['course-1', 0n]]);
        await subscription.close();
      } finally {
        await writerSide.close();
        await subscriberSide.close();
        await remove();
      }
    });

    it('opening the same store several times at once creates the schema once and keeps the data', async () => {
      const { url, remove } = await freshUrl();
      const stores = await Promise.all([1, 2, 3].map(() => SqlEventStore.open(url)));
      try {
        await stores[0]!.appendToStream('quiz-1', [{ type: 'QuizCreated', data: { title: 'x' } }], {
          expectedRevision: 'no-stream',
        });
        const again = await SqlEventStore.open(url);
        stores.push(again);
        expect((await again.readStream('quiz-1')).map((e) => e.data)).toEqual([{ title: 'x' }]);
        expect(await again.headPosition()).toBe(0n);
      } finally {
        for (const store of stores) await store.close();
        await remove();
      }
    });
  });
}

sqlAdapterSpecifics('SQLite', async () => tempSqliteUrl());

describeWithMysql('MySQL/MariaDB', () => {
  sqlAdapterSpecifics('MySQL/MariaDB', async () => {
    const database = await createFreshMysqlDatabase('qb_eventstore');
    return { url: database.url, remove: () => database.drop() };
  });
});
