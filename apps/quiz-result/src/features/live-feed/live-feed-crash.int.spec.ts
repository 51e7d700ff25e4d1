import { liveUpdatesTopic, type LiveMessage } from '@quizbook/contracts';
import { openSqlDatabase, rebuildProjection, runProjection, type SqlDatabase } from '@quizbook/database';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { createMemoryMessageBus, type Message } from '@quizbook/messaging';
import { recordingLogger } from '../../../../../libs/database/src/projections/testing/recording-logger';
import {
  dialectsUnderTest,
  type FreshDatabase,
} from '../../../../../libs/database/src/testing/test-databases';
import { quizResultEvents } from '../../testing/quiz-result-events';
import { busLivePublisher, liveFeedProjection, type LivePublisher } from './live-feed.projection';
import type { LiveFeedTables } from './live-feed.tables';

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`the live feed projection survives crashes and replays on ${dialect}`, () => {
    let readTarget: FreshDatabase;
    let eventTarget: FreshDatabase;
    let database: SqlDatabase<LiveFeedTables>;
    let eventStore: EventStore;
    const closers: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      readTarget = await fresh();
      eventTarget = await fresh();
      database = await openSqlDatabase<LiveFeedTables>(readTarget.url);
      eventStore = await openEventStore(eventTarget.url);
    });
    afterEach(async () => {
      for (const close of closers.splice(0).reverse()) await close();
      await eventStore.close();
      await database.close();
      await Promise.all([readTarget.drop(), eventTarget.drop()]);
    });

    const storedRows = () =>
      database.db
        .selectFrom('qr_live_messages')
        .select(['user_id', 'position', 'type'])
        .orderBy('position')
        .execute();

    it('re-publishes with the same id after a crash between the publish and the commit, and stores it once', async () => {
      const bus = createMemoryMessageBus();
      closers.push(() => bus.close());
      const received: Message[] = [];
      const consumer = await bus.consume({
        topic: liveUpdatesTopic,
        group: 'spec',
        handler: async (message) => {
          received.push(message);
        },
      });
      closers.push(() => consumer.close());
      const publish = busLivePublisher(bus);
      let crashes = 1;
      // Publishes, then dies before the transaction commits (once): the checkpoint does not move.
      const crashingPublisher: LivePublisher = async (live) => {
        await publish(live);
        if (live.message.type === 'quiz.result' && crashes-- > 0) throw new Error('crashed after publishing');
      };
      const events = quizResultEvents(eventStore);
      await events.enroll('course-1', 'order-1', 'ann');
      const graded = await events.grade({
        attemptId: 'a1',
        quizId: 'quiz-1',
        courseId: 'course-1',
        learnerId: 'ann',
        scorePercent: 90,
        finishedAt: '2030-01-01T10:00:00.000Z',
      });
      const running = await runProjection(liveFeedProjection(crashingPublisher), {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      closers.push(() => running.close());
      await running.waitFor(graded);

      const results = received.filter((message) => message.id === `live-${graded}-ann`);
      expect(results.length).toBeGreaterThanOrEqual(2);
      expect(new Set(results.map((message) => JSON.stringify(message.payload))).size).toBe(1);
      expect((await storedRows()).map((row) => row.type)).toEqual([
        'order.status',
        'order.status',
        'enrollment',
        'quiz.result',
      ]);
    });

    it('announces one result per attempt even when the attempt was graded twice', async () => {
      const pushed: LiveMessage[] = [];
      const events = quizResultEvents(eventStore);
      const grade = {
        attemptId: 'a1',
        quizId: 'quiz-1',
        courseId: 'course-1',
        learnerId: 'ann',
        scorePercent: 90,
        finishedAt: '2030-01-01T10:00:00.000Z',
      };
      const first = await events.grade(grade);
      // The same grade under another event id: the store keeps both.
      const second = await events.grade({ ...grade, scorePercent: 10 });
      expect(second).toBeGreaterThan(first);
      const running = await runProjection(
        liveFeedProjection(async (live) => {
          pushed.push(live.message);
        }),
        { eventStore, database, logger: recordingLogger() },
      );
      closers.push(() => running.close());
      await running.waitFor(second);
      expect(pushed).toEqual([expect.objectContaining({ type: 'quiz.result', position: first.toString() })]);
      expect(await storedRows()).toEqual([expect.objectContaining({ type: 'quiz.result' })]);
    });

    it('pushes nothing again and keeps the same rows when a rebuild replays everything', async () => {
      const pushed: LiveMessage[] = [];
      const events = quizResultEvents(eventStore);
      await events.enroll('course-1', 'order-1', 'ann');
      const last = await events.grade({
        attemptId: 'a1',
        quizId: 'quiz-1',
        courseId: 'course-1',
        learnerId: 'ann',
        scorePercent: 40,
        finishedAt: '2030-01-01T10:00:00.000Z',
      });
      const running = await runProjection(
        liveFeedProjection(async (live) => {
          pushed.push(live.message);
        }),
        { eventStore, database, logger: recordingLogger() },
      );
      await running.waitFor(last);
      await running.close();
      const before = await storedRows();

      // The rebuild tool's instance has no publisher.
      await rebuildProjection(liveFeedProjection(), { eventStore, database });
      expect(await storedRows()).toEqual(before);
      expect(pushed).toHaveLength(4);
    });
  });
}
