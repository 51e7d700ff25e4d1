import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bootstrap,
  configFor,
  createLogger,
  NestLoggerAdapter,
  readSettings,
  ResourceRegistry,
  type AppDefinition,
  type AppName,
  type AppHandle,
  type Dependency,
  type Environment,
} from '@quizbook/platform';
import { LogRecorder } from './log-recorder';

export interface StartTestAppOptions {
  /** Overrides the isolated defaults, e.g. `{ EVENT_STORE_URL: mysqlUrl }`. */
  env?: Environment;
}

export interface TestApps {
  /** The first app's base URL: the usual case of one app. */
  readonly url: string;
  /** Base URL of every app, by name. */
  readonly urls: Readonly<Record<string, string>>;
  readonly handles: readonly AppHandle[];
  /** Every JSON log line the apps wrote (Nest's own lines carry `app: "nest"`). */
  readonly logs: LogRecorder;
  /** This run's shared event store, bus and read database, one per URL. */
  readonly resources: ResourceRegistry;
  /** The temporary directory holding this run's SQLite files; removed by close(). */
  readonly dir: string;
  close(): Promise<void>;
}

type AnyApp = AppDefinition<Dependency>;

/** The variable through which other apps reach an app, set to its real URL once it listens. */
const urlVariables: Partial<Record<AppName, string>> = {
  user: 'USER_SERVICE_URL',
  course: 'COURSE_SERVICE_URL',
  projection: 'PROJECTION_SERVICE_URL',
  payment: 'PAYMENT_SERVICE_URL',
  quiz: 'QUIZ_SERVICE_URL',
  'quiz-result': 'QUIZ_RESULT_SERVICE_URL',
};

/**
 * Boots one or several apps in this process on free ports, with their own resources: SQLite files in
 * a fresh temp dir, a memory bus no other test shares (one registry per call), logs in memory.
 * Apps boot one after the other in the order given, and each later app is pointed at the earlier
 * ones' real URLs (`[userApp, bffWebApp]`: bff-web's USER_SERVICE_URL is the user app's), unless
 * `env` sets that variable itself.
 */
export async function startTestApp(
  definitions: AnyApp | readonly AnyApp[],
  options: StartTestAppOptions = {},
): Promise<TestApps> {
  const apps = Array.isArray(definitions) ? (definitions as readonly AnyApp[]) : [definitions as AnyApp];
  const dir = await mkdtemp(path.join(tmpdir(), 'quizbook-test-'));
  const env: Environment = {
    EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
    BUS_URL: 'memory:',
    READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
    CACHE_URL: 'memory:',
    LOG_LEVEL: 'debug',
    HOST: '127.0.0.1',
    ...options.env,
  };
  const resources = new ResourceRegistry();
  const logs = new LogRecorder();
  const handles: AppHandle[] = [];
  const close = async () => {
    for (const handle of [...handles].reverse()) await handle.close();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    let settings = readSettings(env);
    const nestLogger = new NestLoggerAdapter(
      createLogger({ app: 'nest', level: configFor(apps[0]!.name, settings).logLevel, destination: logs }),
    );
    for (const app of apps) {
      const handle = await bootstrap(app, {
        config: configFor(app.name, settings),
        port: 0,
        resources,
        logDestination: logs,
        nestLogger,
      });
      handles.push(handle);
      const variable = urlVariables[app.name];
      if (variable && options.env?.[variable] === undefined) {
        env[variable] = handle.url;
        settings = readSettings(env);
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url: handles[0]!.url,
    urls: Object.fromEntries(handles.map((handle) => [handle.name, handle.url])),
    handles,
    logs,
    resources,
    dir,
    close,
  };
}
