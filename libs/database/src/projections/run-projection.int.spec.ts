import { type EventStore, openEventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Kysely } from 'kysely';
import { openCheckpointStore } from '../checkpoints/checkpoint-store';
import { openSqlDatabase, type SqlDatabase } from '../sql-database';
import { dialectsUnderTest, type FreshDatabase } from '../testing/test-databases';
import type { Projection } from './projection';
import { rebuildProjection } from './rebuild-projection';
import type { RebuildProgress } from './rebuild-progress';
import { runProjection } from './run-projection';
import {
  type CategoryCountsTables,
  defineCategoryCountsProjection,
  readCategoryCounts,
} from './testing/category-counts.projection';
import { recordingLogger } from './testing/recording-logger';

/** The counts projection, except that `fail(event)` decides whether its handler throws after writing. */
function failingOn(fail: (event: RecordedEvent) => boolean): Projection<CategoryCountsTables> {
  const counts = defineCategoryCountsProjection();
  return {
    ...counts,
    async handle(event, trx, context) {
      await counts.handle(event, trx, context);
      if (fail(event)) throw new Error(`handler failed on ${event.position}`);
    },
  };
}

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`projections on ${dialect}`, () => {
    let readTarget: FreshDatabase;
    let eventTarget: FreshDatabase;
    let database: SqlDatabase<CategoryCountsTables>;
    let eventStore: EventStore;
    const counts = () => readCategoryCounts(database.db);
    const storedCheckpoint = async (name = 'example_category_counts') =>
      (await openCheckpointStore(database)).load(name);

    const append = async (streamName: string, count = 1) => {
      const events = Array.from({ length: count }, (_, i) => ({ type: 'Happened', data: { i } }));
      return eventStore.appendToStream(streamName, events, { expectedRevision: 'any' });
    };
    const appendHistory = async () => {
      await append('course-1', 2);
      await append('order-1');
      await append('course-2');
      await append('user-1', 2);
      return append('order-2');
    };
    const history = { course: 3, order: 2, user: 2 };

    beforeEach(async () => {
      readTarget = await fresh();
      eventTarget = await fresh();
      database = await openSqlDatabase(readTarget.url);
      eventStore = await openEventStore(eventTarget.url);
    });
    afterEach(async () => {
      await eventStore.close();
      await database.close();
      await Promise.all([readTarget.drop(), eventTarget.drop()]);
    });

    it('applies every past event once and stores the checkpoint of the last', async () => {
      const last = await appendHistory();
      const running = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await running.caughtUp;
      await running.close();

      expect(await counts()).toEqual(history);
      expect(running.checkpoint).toBe(last.position);
      expect(await storedCheckpoint()).toBe(last.position);
    });

    it('applies events appended while it is live', async () => {
      await append('course-1');
      const running = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      try {
        await running.caughtUp;
        await append('course-1', 2);
        const last = await append('quiz-9');
        await running.waitFor(last.position);
        expect(await counts()).toEqual({ course: 3, quiz: 1 });
      } finally {
        await running.close();
      }
    });

    it('receives only its categories, so other events neither count nor move its checkpoint', async () => {
      await append('course-1');
      await append('order-1');
      const lastCourse = await append('course-2');
      await append('user-1');
      const running = await runProjection(defineCategoryCountsProjection({ categories: ['course'] }), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await running.caughtUp;
      await running.close();

      expect(await counts()).toEqual({ course: 2 });
      expect(await storedCheckpoint()).toBe(lastCourse.position);
    });

    it('rolls back a failing event with its checkpoint, then resumes after a crash applying each event once', async () => {
      await append('course-1', 2);
      const beforeFailure = await append('order-1');
      const failing = await append('course-3');
      await append('user-1', 2);
      const logger = recordingLogger();

      const crashing = await runProjection(
        failingOn((event) => event.position === failing.position),
        { eventStore, database, logger },
      );
      const reported = await logger.nextError();
      // The handler wrote its count before throwing: neither that row change nor the checkpoint stayed.
      expect(await counts()).toEqual({ course: 2, order: 1 });
      expect(await storedCheckpoint()).toBe(beforeFailure.position);
      expect(reported.details).toMatchObject({ position: String(failing.position), attempt: 1 });
      await crashing.close();

      const restarted = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await restarted.caughtUp;
      await restarted.close();
      expect(await counts()).toEqual({ course: 3, order: 1, user: 2 });
    });

    it('retries the same event after a transient failure instead of skipping it', async () => {
      const last = await appendHistory();
      const logger = recordingLogger();
      let failures = 0;
      const running = await runProjection(
        failingOn((event) => event.streamName === 'order-1' && failures++ === 0),
        { eventStore, database, logger },
      );
      await running.caughtUp;
      await running.close();

      expect(await counts()).toEqual(history);
      expect(running.checkpoint).toBe(last.position);
      expect(logger.errors).toHaveLength(1);
    });

    it('resumes after a clean restart with only the events appended meanwhile', async () => {
      await appendHistory();
      const first = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await first.caughtUp;
      await first.close();

      await append('course-9', 2);
      const second = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await second.caughtUp;
      await second.close();
      expect(await counts()).toEqual({ ...history, course: history.course + 2 });
    });

    it('applies each event once when two instances of one projection run at the same time', async () => {
      await appendHistory();
      // On MySQL a second pool is a second process as far as row locks go. On SQLite a second handle in
      // this process would block the thread on the file lock, so both share one handle (and the skip).
      const other = dialect === 'mysql' ? await openSqlDatabase(readTarget.url) : database;
      try {
        const [a, b] = await Promise.all([
          runProjection(defineCategoryCountsProjection(), {
            eventStore,
            database,
            logger: recordingLogger(),
          }),
          runProjection(defineCategoryCountsProjection(), {
            eventStore,
            database: other,
            logger: recordingLogger(),
          }),
        ]);
        await Promise.all([a.caughtUp, b.caughtUp]);
        const last = await append('course-7');
        await Promise.all([a.waitFor(last.position), b.waitFor(last.position)]);
        await Promise.all([a.close(), b.close()]);
        expect(await counts()).toEqual({ ...history, course: history.course + 1 });
      } finally {
        if (other !== database) await other.close();
      }
    });

    it('rebuilds from zero to the same read model, reporting progress page by page', async () => {
      await appendHistory();
      const live = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await live.caughtUp;
      await live.close();
      const built = await counts();
      // A read model gone wrong, e.g. after a handler bug was fixed.
      await (database.db as Kysely<CategoryCountsTables>)
        .updateTable('example_category_counts')
        .set({ events: 99 })
        .execute();

      const progress: RebuildProgress[] = [];
      const head = await eventStore.headPosition();
      const result = await rebuildProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        batchSize: 3,
        onProgress: (report) => progress.push(report),
      });

      expect(await counts()).toEqual(built);
      expect(result).toEqual({ processed: 7, checkpoint: head });
      expect(await storedCheckpoint()).toBe(head);
      expect(progress.map(({ processed, done }) => ({ processed, done }))).toEqual([
        { processed: 0, done: false },
        { processed: 3, done: false },
        { processed: 6, done: false },
        { processed: 7, done: true },
      ]);
      expect(progress.every((report) => report.headPosition === head)).toBe(true);

      // The live runner carries on from the rebuilt checkpoint without applying anything twice.
      const resumed = await runProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      await resumed.caughtUp;
      const last = await append('user-5');
      await resumed.waitFor(last.position);
      await resumed.close();
      expect(await counts()).toEqual({ ...built, user: history.user + 1 });
    });

    it('rebuilds an empty store to an empty read model', async () => {
      const progress: RebuildProgress[] = [];
      const result = await rebuildProjection(defineCategoryCountsProjection(), {
        eventStore,
        database,
        onProgress: (report) => progress.push(report),
      });
      expect(result).toEqual({ processed: 0, checkpoint: 'start' });
      expect(await counts()).toEqual({});
      expect(progress.at(-1)).toMatchObject({ done: true, headPosition: -1n });
    });
  });
}
