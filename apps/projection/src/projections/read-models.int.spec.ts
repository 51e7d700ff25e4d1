import {
  openCheckpointStore,
  openSqlDatabase,
  type Projection,
  rebuildProjection,
  runProjection,
} from '@quizbook/database';
import { type EventStore, openEventStore } from '@quizbook/eventstore';
import { recordingLogger } from '../../../../libs/database/src/projections/testing/recording-logger';
import { dialectsUnderTest, type FreshDatabase } from '../../../../libs/database/src/testing/test-databases';
import { courseRowsProjection } from './courses/course-rows.projection';
import { ordersProjection } from './orders/orders.projection';
import {
  findCourse,
  findCourseSeats,
  findOrders,
  type ReadModelDatabase,
} from './read-api/read-model-queries';
import { readModelProjections } from './register-read-models';
import { courseSeatsProjection } from './seats/course-seats.projection';
import { courseAndOrderEvents } from './testing/course-and-order-events';

/** Every row of every read-model table, in a stable order, to compare two builds. */
async function snapshot(database: ReadModelDatabase) {
  const db = database.db;
  return {
    courses: await db.selectFrom('read_courses').selectAll().orderBy('course_id').execute(),
    seats: await db.selectFrom('read_course_seats').selectAll().orderBy('course_id').execute(),
    holds: await db
      .selectFrom('read_seat_holds')
      .selectAll()
      .orderBy('course_id')
      .orderBy('order_id')
      .execute(),
    orders: await db.selectFrom('read_orders').selectAll().orderBy('order_id').execute(),
    history: await db
      .selectFrom('read_order_history')
      .selectAll()
      .orderBy('order_id')
      .orderBy('position')
      .execute(),
  };
}

/** The projection, except that its handler writes and then throws on the chosen event (a crash mid-transaction). */
function crashingOn(projection: Projection, crashes: (type: string, attempt: number) => boolean): Projection {
  const attempts = new Map<string, number>();
  return {
    ...projection,
    async handle(event, trx, context) {
      await projection.handle(event, trx, context);
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      if (crashes(event.type, attempt)) throw new Error(`crashed on ${event.type}`);
    },
  };
}

for (const { dialect, describe, fresh } of dialectsUnderTest) {
  describe(`projection service read models on ${dialect}`, () => {
    let readTarget: FreshDatabase;
    let eventTarget: FreshDatabase;
    let database: ReadModelDatabase;
    let eventStore: EventStore;
    let events: ReturnType<typeof courseAndOrderEvents>;
    const running: { close(): Promise<void> }[] = [];

    const run = async (projection: Projection) => {
      const projectionRun = await runProjection(projection, {
        eventStore,
        database,
        logger: recordingLogger(),
      });
      running.push(projectionRun);
      await projectionRun.caughtUp;
      return projectionRun;
    };
    const runAll = async () => Promise.all(readModelProjections.map((projection) => run(projection)));
    const seats = (courseId: string) => findCourseSeats(database, courseId);

    beforeEach(async () => {
      readTarget = await fresh();
      eventTarget = await fresh();
      database = await openSqlDatabase(readTarget.url);
      eventStore = await openEventStore(eventTarget.url);
      events = courseAndOrderEvents(eventStore);
    });
    afterEach(async () => {
      for (const projectionRun of running.splice(0)) await projectionRun.close();
      await eventStore.close();
      await database.close();
      await Promise.all([readTarget.drop(), eventTarget.drop()]);
    });

    it('counts seats right after each reserve, release and confirm', async () => {
      await events.draft('c1', 5);
      const live = await run(courseSeatsProjection);
      const step = async (append: () => Promise<{ position: bigint }>) =>
        live.waitFor((await append()).position);

      await step(() => events.reserve('c1', 'o1'));
      await step(() => events.reserve('c1', 'o2'));
      await step(() => events.reserve('c1', 'o3'));
      expect(await seats('c1')).toEqual({ courseId: 'c1', capacity: 5, reserved: 3, confirmed: 0, left: 2 });

      await step(() => events.release('c1', 'o1'));
      expect(await seats('c1')).toMatchObject({ reserved: 2, confirmed: 0, left: 3 });

      await step(() => events.confirm('c1', 'o2'));
      expect(await seats('c1')).toMatchObject({ reserved: 1, confirmed: 1, left: 3 });

      await step(() => events.release('c1', 'o2'));
      expect(await seats('c1')).toMatchObject({ reserved: 1, confirmed: 0, left: 4 });

      await step(() => events.changeCapacity('c1', 2));
      expect(await seats('c1')).toMatchObject({ capacity: 2, left: 1 });
      expect(await seats('nope')).toBeUndefined();
    });

    it('keeps the catalog row and the order with its status history', async () => {
      await events.draft('c1', 5, 'owner-7');
      await events.publish('c1');
      await events.edit('c1', { title: 'Kubernetes, Revised', tags: ['devops', 'k8s'] });
      await events.initiateOrder('o1', 'learner-1', 'c1');
      await events.awaitPayment('o1');
      await events.pay('o1');
      await runAll();

      expect(await findCourse(database, 'c1')).toMatchObject({
        courseId: 'c1',
        ownerId: 'owner-7',
        title: 'Kubernetes, Revised',
        tags: ['devops', 'k8s'],
        status: 'published',
        capacity: 5,
        version: 2,
      });
      const [order] = await findOrders(database, { learnerId: 'learner-1' });
      expect(order).toMatchObject({ orderId: 'o1', status: 'paid', totalCents: 9900, currency: 'EUR' });
      expect(order!.history.map((entry) => entry.status)).toEqual(['initiated', 'awaiting-payment', 'paid']);
      expect(order!.lines).toEqual([
        { courseId: 'c1', title: 'Kubernetes in Practice', priceCents: 9900, currency: 'EUR' },
      ]);
    });

    it('applies each event exactly once across a crash mid-event and a restart', async () => {
      await events.draft('c1', 5);
      await events.reserve('c1', 'o1');
      await events.reserve('c1', 'o2');
      await events.confirm('c1', 'o1');
      await events.initiateOrder('o1', 'learner-1', 'c1');
      await events.pay('o1');

      // Each projection crashes once, after writing, on its second kind of event, then the process dies.
      for (const [projection, crashOn] of [
        [courseSeatsProjection, 'SeatConfirmed'],
        [ordersProjection, 'OrderPaid'],
        [courseRowsProjection, 'SeatReserved'],
      ] as const) {
        const logger = recordingLogger();
        const crashed = await runProjection(
          crashingOn(projection, (type) => type === crashOn),
          { eventStore, database, logger },
        );
        await logger.nextError();
        await crashed.close();
      }
      expect(await seats('c1')).toMatchObject({ reserved: 2, confirmed: 0 });
      expect((await findOrders(database, {}))[0]).toMatchObject({ status: 'initiated' });

      await runAll();
      expect(await seats('c1')).toEqual({ courseId: 'c1', capacity: 5, reserved: 1, confirmed: 1, left: 3 });
      const [order] = await findOrders(database, {});
      expect(order!.history.map((entry) => entry.status)).toEqual(['initiated', 'paid']);
      expect((await findCourse(database, 'c1'))?.version).toBe(3);

      // A second start with nothing new applies nothing again.
      await runAll();
      expect(await seats('c1')).toMatchObject({ reserved: 1, confirmed: 1 });
      expect((await findOrders(database, {}))[0]!.history).toHaveLength(2);
    });

    it('rebuilds to exactly what the live projections built', async () => {
      await events.draft('c1', 5);
      await events.draft('c2', 2);
      await events.publish('c1');
      await events.reserve('c1', 'o1');
      await events.reserve('c2', 'o2', 'learner-2');
      await events.initiateOrder('o1', 'learner-1', 'c1');
      await events.initiateOrder('o2', 'learner-2', 'c2');
      await events.awaitPayment('o1');
      await events.confirm('c1', 'o1');
      await events.pay('o1');
      await events.release('c2', 'o2', 'learner-2');
      await events.archive('c2');
      await runAll();
      for (const projectionRun of running.splice(0)) await projectionRun.close();
      const live = await snapshot(database);
      const checkpoints = await openCheckpointStore(database);
      const liveCheckpoints = await Promise.all(readModelProjections.map((p) => checkpoints.load(p.name)));

      for (const projection of readModelProjections)
        await rebuildProjection(projection, { eventStore, database, batchSize: 4 });

      expect(await snapshot(database)).toEqual(live);
      expect(await Promise.all(readModelProjections.map((p) => checkpoints.load(p.name)))).toEqual(
        liveCheckpoints,
      );
      expect(live.seats).toHaveLength(2);
      expect(live.history).toHaveLength(4);
    });
  });
}
