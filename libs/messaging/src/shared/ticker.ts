export interface Ticker {
  /** No more rounds; resolves once the round in progress (if any) has finished. */
  stop(): Promise<void>;
}

/** Runs `round` every `everyMs`, skipping a beat rather than overlapping a round still running. */
export function startTicker(round: () => Promise<void>, everyMs: number): Ticker {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = round().finally(() => (running = undefined));
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
