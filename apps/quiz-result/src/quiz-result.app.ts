import { runProjection } from '@quizbook/database';
import { defineApp, systemClock, type Clock } from '@quizbook/platform';
import { busLivePublisher } from './features/live-feed/live-feed.projection';
import { quizResultProjections } from './quiz-result-projections';
import { startQuizResultTimers, type QuizResultTimers } from './quiz-result-timers';
import { QuizResultModule } from './quiz-result.module';

export interface QuizResultAppOptions {
  /** Specs move time to make digests due without waiting. */
  clock?: Clock;
  /** Pause between two rounds of the digest and pruning timer. */
  timerPollMs?: number;
  /** Hands specs the running timer, so they can run a round rather than wait for one. */
  onTimersStarted?: (timers: QuizResultTimers) => void;
}

/** One definition per call, so specs can boot the app twice on the same stores (a restart). */
export function createQuizResultApp(options: QuizResultAppOptions = {}) {
  return defineApp({
    name: 'quiz-result',
    module: QuizResultModule,
    uses: ['eventStore', 'bus', 'readDb'],
    async onStart({ eventStore, bus, readDb, config, logger, readiness, lifecycle }) {
      const projectionLogger = logger.child({ component: 'quiz-result projections' });
      for (const projection of quizResultProjections(busLivePublisher(bus))) {
        const running = await runProjection(projection, {
          eventStore,
          database: readDb,
          logger: projectionLogger,
        });
        lifecycle.onShutdown(`projection ${projection.name}`, () => running.close());
        let caughtUp = false;
        running.caughtUp.then(
          () => (caughtUp = true),
          () => undefined,
        );
        readiness.add(`projection:${projection.name}`, async () => {
          if (!caughtUp) throw new Error(`catching up (checkpoint ${String(running.checkpoint)})`);
          return { checkpoint: String(running.checkpoint) };
        });
      }
      const timers = startQuizResultTimers({
        readDb,
        bus,
        clock: options.clock ?? systemClock,
        digests: {
          intervalMs: config.quizDigestIntervalMinutes * 60_000,
          delayMs: config.quizDigestDelaySeconds * 1000,
        },
        pollMs: options.timerPollMs ?? 5_000,
        onError: (err, step) =>
          logger.error({ err, step }, 'quiz-result timer step failed; retried next round'),
      });
      lifecycle.onShutdown('quiz-result timers', () => timers.close());
      options.onTimersStarted?.(timers);
    },
  });
}

export const quizResultApp = createQuizResultApp();
