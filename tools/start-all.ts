/**
 * `npm start`: all eight apps in one process on the embedded default (SQLite under ./data/, the
 * in-process bus), sharing one handle per URL, until SIGINT/SIGTERM.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import {
  bootstrap,
  configFor,
  createLogger,
  exitOnConfigError,
  exitOnFatalErrors,
  exitOnShutdownSignals,
  NestLoggerAdapter,
  readSettings,
  type AppHandle,
  type LogLevel,
} from '@quizbook/platform';
import { allApps as apps } from '../apps/all-apps';
import { demoUsersBanner, seedDemoUsersIfEmbedded } from './seed-demo-users';

function banner(handles: readonly AppHandle[], extra: readonly string[] = []): string {
  const width = Math.max(...handles.map((handle) => handle.name.length));
  const rows = handles.map(
    (handle) => `  ${handle.name.padEnd(width)}  ${handle.url.padEnd(24)}  ${handle.url}/health/ready`,
  );
  return [
    '',
    'Quizbook is running:',
    '',
    `  ${'app'.padEnd(width)}  ${'url'.padEnd(24)}  health`,
    ...rows,
    '',
    ...extra,
    'Ctrl+C stops all apps.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  mkdirSync('data', { recursive: true });
  const logger = createLogger({ app: 'start-all', level: settings.LOG_LEVEL as LogLevel });
  const nestLogger = new NestLoggerAdapter(
    createLogger({ app: 'nest', level: settings.LOG_LEVEL as LogLevel }),
  );

  const started = await Promise.allSettled(
    apps.map((app) => bootstrap(app, { config: configFor(app.name, settings), nestLogger })),
  );
  const handles = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // Closing in reverse start order lets the edge (bff-web) stop before the services behind it.
  const closeAll = async () => {
    for (const handle of [...handles].reverse()) await handle.close();
  };
  const failures = started.flatMap((result, index) =>
    result.status === 'rejected' ? [{ app: apps[index]?.name, err: result.reason as unknown }] : [],
  );
  if (failures.length > 0) {
    for (const failure of failures) logger.fatal(failure, 'failed to start');
    await closeAll();
    process.exit(1);
  }
  exitOnFatalErrors(logger);
  exitOnShutdownSignals({ close: closeAll, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS as number, logger });
  const demoUsers = await seedDemoUsersIfEmbedded(settings).catch((err: unknown) => {
    logger.error({ err }, 'seeding the demo users failed');
    return undefined;
  });
  const edge = handles.find((handle) => handle.name === 'bff-web');
  const entryPoints = edge
    ? [
        `API and docs: ${edge.url}/api/docs`,
        `Live results: ${edge.url.replace(/^http/, 'ws')}/api/live (access token as the "bearer, <token>" subprotocol)`,
        '',
      ]
    : [];
  process.stdout.write(banner(handles, [...entryPoints, ...(demoUsers ? demoUsersBanner(demoUsers) : [])]));
}

void main();
