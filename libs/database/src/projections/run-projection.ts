import type { EventStore, RecordedEvent } from '@quizbook/eventstore';
import { type Checkpoint, isAfter } from '../checkpoints/checkpoint-position';
import type { AnySqlDatabase } from '../sql-database';
import { applyEventsInTransaction } from './apply-events';
import { prepareProjection } from './prepare-projection';
import type { Projection } from './projection';
import { consoleProjectionLogger, type ProjectionLogger } from './projection-logger';

export interface RunProjectionOptions {
  eventStore: EventStore;
  database: AnySqlDatabase;
  logger?: ProjectionLogger;
}

export interface RunningProjection {
  readonly name: string;
  /** Resolves once every event that existed at start has been applied: the readiness signal. */
  readonly caughtUp: Promise<void>;
  /** The position last applied (and committed), for lag metrics. */
  readonly checkpoint: Checkpoint;
  /**
   * Resolves once the projection has applied `position`, e.g. to read your own write. The position
   * must be one of the projection's categories, since other events never move its checkpoint.
   */
  waitFor(position: bigint): Promise<void>;
  close(): Promise<void>;
}

export class ProjectionClosedError extends Error {
  override readonly name = 'ProjectionClosedError';
}

interface Waiter {
  position: bigint;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Runs a projection from its stored checkpoint, live after catching up. Each event is applied in
 * its own transaction together with the checkpoint; when the handler throws, the transaction rolls
 * back and the subscription delivers the same event again (with backoff) until it succeeds.
 */
export async function runProjection(
  projection: Projection,
  { eventStore, database, logger = consoleProjectionLogger }: RunProjectionOptions,
): Promise<RunningProjection> {
  const { checkpoints, context } = await prepareProjection(projection, database);
  let checkpoint = await checkpoints.load(projection.name);
  let waiters: Waiter[] = [];
  let failing: RecordedEvent | undefined;
  let closed = false;

  const settleWaiters = () => {
    const ready = waiters.filter((waiter) => !isAfter(waiter.position, checkpoint));
    waiters = waiters.filter((waiter) => isAfter(waiter.position, checkpoint));
    for (const waiter of ready) waiter.resolve();
  };

  logger.info({ projection: projection.name, checkpoint: String(checkpoint) }, 'projection starting');
  const subscription = eventStore.subscribeToAll({
    after: checkpoint,
    categories: projection.categories,
    handler: async (event) => {
      failing = event;
      checkpoint = await applyEventsInTransaction(database.db, projection, checkpoints, context, [event]);
      failing = undefined;
      settleWaiters();
    },
    onError: (error, attempt) => {
      logger.error(
        {
          err: error,
          projection: projection.name,
          attempt,
          position: failing ? String(failing.position) : undefined,
          eventType: failing?.type,
          streamName: failing?.streamName,
        },
        'projection failed to apply an event; retrying the same event',
      );
    },
  });

  return {
    name: projection.name,
    caughtUp: subscription.caughtUp,
    get checkpoint() {
      return checkpoint;
    },
    waitFor(position) {
      if (!isAfter(position, checkpoint)) return Promise.resolve();
      if (closed) return Promise.reject(new ProjectionClosedError(`projection ${projection.name} is closed`));
      return new Promise<void>((resolve, reject) => waiters.push({ position, resolve, reject }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await subscription.close();
      for (const waiter of waiters)
        waiter.reject(new ProjectionClosedError(`projection ${projection.name} closed`));
      waiters = [];
    },
  };
}
