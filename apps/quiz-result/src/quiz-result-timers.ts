import type { AnySqlDatabase } from '@quizbook/database';
import type { MessageBus } from '@quizbook/messaging';
import { startPollingLoop, type Clock, type PollingLoop } from '@quizbook/platform';
import { pruneLiveMessages } from './features/live-feed/prune-live-messages';
import {
  closeDueDigestWindows,
  publishClosedDigests,
  type ScoreDigestRule,
} from './features/score-digests/score-digests';

export interface QuizResultTimerOptions {
  readDb: AnySqlDatabase;
  bus: MessageBus;
  clock: Clock;
  digests: ScoreDigestRule;
  pollMs: number;
  onError: (error: unknown, step: string) => void;
}

export type QuizResultTimers = PollingLoop;

/**
 * Every round: close the digest windows that are due, publish the closed digests not yet sent,
 * and prune live messages past their retention. All state is in tables, so a restart (or a second
 * instance) picks up exactly where the last round stopped.
 */
export function startQuizResultTimers(options: QuizResultTimerOptions): QuizResultTimers {
  const step = async (name: string, act: () => Promise<unknown>) => {
    try {
      await act();
    } catch (error) {
      options.onError(error, name);
    }
  };
  const round = async () => {
    const now = options.clock();
    await step('close digest windows', () => closeDueDigestWindows(options.readDb, options.digests, now));
    await step('publish digests', () => publishClosedDigests(options.readDb, options.bus, now));
    await step('prune live messages', () => pruneLiveMessages(options.readDb, now));
  };
  return startPollingLoop({
    pollMs: options.pollMs,
    round,
    onError: (error) => options.onError(error, '(round)'),
  });
}
