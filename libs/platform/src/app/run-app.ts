import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { exitOnFatalErrors } from '../lifecycle/fatal-errors';
import { exitOnShutdownSignals } from '../lifecycle/shutdown-signals';
import { createLogger } from '../logging/create-logger';
import { bootstrap } from './bootstrap';
import type { AppDefinition, Dependency } from './define-app';

/**
 * For a ConfigError: prints one line per wrong setting and exits 1 (a person reads these, so no JSON
 * and no stack). Anything else returns, for the caller to rethrow.
 */
export function exitOnConfigError(error: unknown): void {
  if (!(error instanceof ConfigError)) return;
  process.stderr.write(`${error.lines.join('\n')}\n`);
  process.exit(1);
}

/** The standalone entry (`node dist/apps/<app>/main.js`): this app alone, PORT honoured. */
export async function runApp<Uses extends Dependency>(definition: AppDefinition<Uses>): Promise<void> {
  let config;
  try {
    config = loadConfig(definition.name, process.env, { standalone: true });
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  try {
    const handle = await bootstrap(definition, { config });
    exitOnFatalErrors(handle.logger);
    exitOnShutdownSignals({
      close: handle.close,
      timeoutMs: config.shutdownTimeoutMs,
      logger: handle.logger,
    });
  } catch (error) {
    createLogger({ app: definition.name, level: config.logLevel }).fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
