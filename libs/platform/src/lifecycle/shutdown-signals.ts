import type { Logger } from 'pino';

export interface ShutdownSignalOptions {
  /** Stops everything gracefully; the process exits 0 when it resolves. */
  close: () => Promise<void>;
  timeoutMs: number;
  logger: Logger;
}

/**
 * First SIGTERM/SIGINT: graceful close, then exit 0 (1 if closing failed). A second signal or the
 * timeout forces exit 1, because an orchestrator waiting on a stuck drain is worse than a hard stop.
 */
export function exitOnShutdownSignals({ close, timeoutMs, logger }: ShutdownSignalOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: forcing exit');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out: forcing exit');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
