import { listProjections, runProjection } from '@quizbook/database';
import type { AppContext } from '@quizbook/platform';

/**
 * Starts every registered projection from its checkpoint. Each one is a readiness check that
 * passes once it has caught up, so traffic only reaches read models that are not behind.
 */
export async function runRegisteredProjections({
  eventStore,
  readDb,
  logger,
  readiness,
  lifecycle,
}: AppContext<'eventStore' | 'readDb'>): Promise<void> {
  for (const projection of listProjections()) {
    const running = await runProjection(projection, { eventStore, database: readDb, logger });
    lifecycle.onShutdown(`projection ${projection.name}`, () => running.close());
    let caughtUp = false;
    // A projection closed before catching up rejects; that is a shutdown, not a failure to report.
    running.caughtUp.then(
      () => (caughtUp = true),
      () => undefined,
    );
    readiness.add(`projection:${projection.name}`, async () => {
      const checkpoint = String(running.checkpoint);
      if (!caughtUp) throw new Error(`catching up (checkpoint ${checkpoint})`);
      return { checkpoint };
    });
  }
}
