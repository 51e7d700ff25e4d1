import { openCheckpointStore, runProjection } from '@quizbook/database';
import type { AppContext } from '@quizbook/platform';
import type { QuizServices } from '../quiz-services';
import { startAttemptTimer } from './expire-attempts/attempt-timer';
import { openAttemptsProjection } from './expire-attempts/open-attempts.projection';
import { startGrader } from './grade-attempt/grader';
import { startSubmissionRelay } from './relay-submissions/submission-relay';

export interface AttemptWorkerOptions {
  /** Pause between two rounds of the deadline timer. */
  timerPollMs?: number;
  /** How long after its deadline an untouched attempt waits for a sheet in flight before it is closed. */
  lateSheetGraceMs?: number;
  /** How long a submitted sheet may wait for the grader before the timer grades it itself. */
  overdueGradeMs?: number;
}

/** Defaults: a sheet in flight at the deadline has two minutes to land; a grade is overdue after one. */
export const lateSheetGraceMs = 120_000;
export const overdueGradeMs = 60_000;

/**
 * The grader (submissions from the bus), the relay that feeds it from the event store, and the
 * deadline timer, started once the app listens and stopped on shutdown, newest first.
 */
export async function startAttemptWorkers(
  services: QuizServices,
  context: AppContext<'eventStore' | 'bus' | 'readDb'>,
  options: AttemptWorkerOptions = {},
): Promise<void> {
  const { eventStore, readDb, lifecycle, logger } = context;
  const grader = await startGrader(services, logger.child({ component: 'quiz grader' }));
  lifecycle.onShutdown('quiz grader', () => grader.close());

  const relay = await startSubmissionRelay(
    services,
    await openCheckpointStore(readDb),
    logger.child({ component: 'quiz submission relay' }),
  );
  lifecycle.onShutdown('quiz submission relay', () => relay.close());

  const openAttempts = await runProjection(openAttemptsProjection, {
    eventStore,
    database: readDb,
    logger: logger.child({ component: 'quiz projections' }),
  });
  lifecycle.onShutdown('projection quiz_open_attempts', () => openAttempts.close());

  const timer = startAttemptTimer(services, {
    pollMs: options.timerPollMs ?? 1_000,
    lateSheetGraceMs: options.lateSheetGraceMs ?? lateSheetGraceMs,
    overdueGradeMs: options.overdueGradeMs ?? overdueGradeMs,
    onError: (err, attemptId) =>
      logger.error({ err, attemptId }, 'attempt timer step failed; retried next round'),
  });
  lifecycle.onShutdown('quiz attempt timer', () => timer.close());
}
