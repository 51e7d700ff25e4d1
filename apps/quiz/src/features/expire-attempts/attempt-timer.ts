import { forEachUntilClosing, startPollingLoop, type PollingLoop } from '@quizbook/platform';
import type { Kysely } from 'kysely';
import type { QuizServices } from '../../quiz-services';
import { attemptEventNames, attemptStreams } from '../attempt-support/attempt-streams';
import { gradeSubmittedAttempt } from '../grade-attempt/grade-submitted-attempt';
import type { OpenAttemptTables } from './open-attempts.projection';

export interface AttemptTimerOptions {
  /** Pause between two rounds. */
  pollMs: number;
  /**
   * How long after its deadline an untouched attempt stays open: a sheet still in flight at the
   * deadline is then accepted (and graded as submitted at the deadline) or refused by the quiz's
   * rule, instead of losing a race with this timer. Closed attempts still record the deadline.
   */
  lateSheetGraceMs: number;
  /** A sheet still ungraded this long after it arrived is graded by the timer (the bus lost it). */
  overdueGradeMs: number;
  onError: (error: unknown, attemptId: string) => void;
}

export type AttemptTimer = PollingLoop;

const batch = 100;

/**
 * Closes abandoned attempts once their deadline (plus the grace for sheets in flight) has passed (ExpireAttempt through the decider, which records
 * nothing for an attempt submitted meanwhile) and grades overdue submissions. Both are idempotent,
 * so two instances, or a round repeated before the read model caught up, change nothing twice.
 */
export function startAttemptTimer(services: QuizServices, options: AttemptTimerOptions): AttemptTimer {
  const db = services.readDb.db as Kysely<OpenAttemptTables>;
  const streams = attemptStreams(services);

  const round = async (closing: () => boolean) => {
    const now = services.clock();
    const due = await db
      .selectFrom('quiz_open_attempts')
      .select('attempt_id')
      .where('status', '=', 'in-progress')
      .where('deadline', '<=', new Date(now.getTime() - options.lateSheetGraceMs).toISOString())
      .limit(batch)
      .execute();
    await forEachUntilClosing(
      due.map((row) => row.attempt_id),
      closing,
      (attemptId) =>
        streams.handle(
          attemptId,
          { type: 'ExpireAttempt', attemptId, now: services.clock() },
          { eventName: attemptEventNames },
        ),
      options.onError,
    );
    const overdue = await db
      .selectFrom('quiz_open_attempts')
      .select('attempt_id')
      .where('status', '=', 'submitted')
      .where('received_at', '<=', new Date(now.getTime() - options.overdueGradeMs).toISOString())
      .limit(batch)
      .execute();
    await forEachUntilClosing(
      overdue.map((row) => row.attempt_id),
      closing,
      (attemptId) => gradeSubmittedAttempt(services, attemptId),
      options.onError,
    );
  };

  return startPollingLoop({
    pollMs: options.pollMs,
    round,
    onError: (error) => options.onError(error, '(round)'),
  });
}
