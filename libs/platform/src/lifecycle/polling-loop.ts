export interface PollingLoopOptions {
  /** Pause between the end of one round and the start of the next. */
  pollMs: number;
  /**
   * One round of work. `closing()` turns true once close() was called: a round going through a
   * batch checks it between items, so closing does not wait for the whole batch.
   */
  round: (closing: () => boolean) => Promise<void>;
  /** A round that throws is reported here; the loop goes on with the next round. */
  onError: (error: unknown) => void;
}

export interface PollingLoop {
  /** One round now, after the one running (specs call it rather than wait for the next). */
  runOnce(): Promise<void>;
  /** Stops scheduling rounds and resolves once the running round has ended. */
  close(): Promise<void>;
}

/**
 * Runs `round` now and then `pollMs` after each round ends, never two at once: a slow round delays
 * the next instead of overlapping it, so a round never races its own predecessor over the same rows.
 */
export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = () => options.round(() => closed);
  const runOnce = () => {
    // Reported, not left in `running`: the timer's `void runOnce()` would make it an unhandled rejection.
    running = running.then(round, round).catch((error: unknown) => options.onError(error));
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

/**
 * A round's batch: acts on each id in turn, stops taking new ones once the loop is closing, and
 * reports an id that fails without giving up on the rest (the next round tries it again).
 */
export async function forEachUntilClosing(
  ids: readonly string[],
  closing: () => boolean,
  act: (id: string) => Promise<unknown>,
  onError: (error: unknown, id: string) => void,
): Promise<void> {
  for (const id of ids) {
    if (closing()) return;
    try {
      await act(id);
    } catch (error) {
      onError(error, id);
    }
  }
}
