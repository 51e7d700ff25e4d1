import pino, { type DestinationStream, type Logger } from 'pino';
import { currentCorrelationId } from '../correlation/correlation-context';
import type { LogLevel } from '../config/setting-schemas';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  app: string;
  level: LogLevel;
  /** Defaults to stdout; tests pass a stream that collects the lines. */
  destination?: DestinationStream;
}

/** One JSON logger per app; every line written inside a request or handled message carries its correlationId. */
export function createLogger({ app, level, destination }: CreateLoggerOptions): Logger {
  return pino(
    {
      level,
      base: { app },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    // Synchronous stdout, so the last lines before process.exit are never lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
