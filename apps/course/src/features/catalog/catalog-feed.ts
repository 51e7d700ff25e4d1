import {
  type ProjectionLogger,
  rebuildProjection,
  type RebuildProgress,
  type RebuildResult,
  runMigrations,
  runProjection,
  type RunningProjection,
} from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { refillSearchIndex } from './catalog-reads';
import type { CatalogServices } from './catalog-services';
import { catalogMigrations } from './catalog-migrations';
import { catalogProjectionName, defineCatalogProjection } from './catalog.projection';

export interface CatalogFeedDependencies {
  services: CatalogServices;
  eventStore: EventStore;
  logger?: ProjectionLogger;
}

export interface CatalogFeed {
  /** Resolves once every course event that existed at start is in the rows and the index. */
  readonly caughtUp: Promise<void>;
  /** Resolves once the event at `position` (a course event) is applied and committed. */
  waitFor(position: bigint): Promise<void>;
  /**
   * Stops the live feed, empties the rows, the index, the detail cache and the checkpoint, replays
   * every course event with progress, and goes live again from there.
   */
  rebuild(options?: {
    batchSize?: number;
    onProgress?: (progress: RebuildProgress) => void;
  }): Promise<RebuildResult>;
  close(): Promise<void>;
}

/**
 * Runs the catalog projection from its checkpoint in the course read database. Cached details are
 * dropped when an event changes their course, and dropped again once that event has committed: a
 * reader that loaded the old row between the two would otherwise put it back for a whole TTL.
 */
export async function startCatalogFeed({
  services,
  eventStore,
  logger,
}: CatalogFeedDependencies): Promise<CatalogFeed> {
  let live: RunningProjection | undefined;
  const projection = defineCatalogProjection({
    searchIndex: services.searchIndex,
    async onCourseChanged(courseId, position) {
      await services.details.invalidate(courseId);
      void afterCommit(position).then(
        () => services.details.invalidate(courseId),
        () => undefined,
      );
    },
    async onReset() {
      await services.searchIndex.reset();
      await services.details.invalidateAll();
    },
  });
  // The runner is assigned once runProjection returns, which may be after its first event.
  let started: (running: RunningProjection) => void = () => undefined;
  let runnerReady = new Promise<RunningProjection>((resolve) => (started = resolve));
  const afterCommit = (position: bigint) =>
    live ? live.waitFor(position) : runnerReady.then((r) => r.waitFor(position));

  const goLive = async () => {
    live = await runProjection(projection, {
      eventStore,
      database: services.readDb,
      ...(logger ? { logger } : {}),
    });
    started(live);
    return live;
  };

  // An in-process index starts empty while the rows and checkpoint survive the restart.
  if (!services.searchIndex.persistent) {
    await runMigrations(services.readDb, catalogProjectionName, catalogMigrations);
    await refillSearchIndex(services);
  }
  await goLive();

  return {
    get caughtUp() {
      return live!.caughtUp;
    },
    waitFor: (position) => live!.waitFor(position),
    async rebuild(options = {}) {
      await live?.close();
      live = undefined;
      runnerReady = new Promise<RunningProjection>((resolve) => (started = resolve));
      try {
        return await rebuildProjection(projection, { eventStore, database: services.readDb, ...options });
      } finally {
        await goLive();
      }
    },
    close: async () => {
      await live?.close();
    },
  };
}
