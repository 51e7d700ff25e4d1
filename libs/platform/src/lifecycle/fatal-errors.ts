import type { Logger } from 'pino';

/**
 * An error nothing caught leaves the process in an unknown state: log it as one JSON line (Node's
 * own report is plain text the log pipeline cannot parse) and exit 1 for the orchestrator to restart.
 */
export function exitOnFatalErrors(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
}
