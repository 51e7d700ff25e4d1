import type { AnySqlDatabase } from '@quizbook/database';
import type { MessageBus } from '@quizbook/messaging';
import type { Clock } from '@quizbook/platform';
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

export interface QuizResultTimers {
  /** One round now (specs call it rather than wait for the next). */
  runOnce(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every round: close the digest windows that are due, publish the closed digests not yet sent,
 * and prune live messages past their retention. All state is in tables, so a restart (or a second
 * instance) picks up exactly where the last round stopped.
 */
export function startQuizResultTimers(options: QuizResultTimerOptions): QuizResultTimers {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

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
  const runOnce = () => {
    running = running.then(round, round);
    return running;
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void runOnce().finally(schedule), options.pollMs);
  };
  void runOnce().finally(schedule);

  return {
    runOnce,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
