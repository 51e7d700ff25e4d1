import type { z } from 'zod';
import { appNames, defaultPorts, portVariable } from './app-names';
import {
  busUrlSchema,
  eventStoreUrlSchema,
  hostSchema,
  logLevelSchema,
  portSchema,
  positiveMillisecondsSchema,
  readDbUrlSchema,
} from './setting-schemas';

export interface SettingSpec {
  name: string;
  description: string;
  /** Used when the variable is unset or empty; a setting without one is optional. */
  default?: string;
  schema: z.ZodType<unknown, z.ZodTypeDef, string>;
}

/**
 * Every environment variable the apps read: the one table that validation, docs/configuration.md
 * and the README are generated from, so none of them can drift from the code.
 */
export const settings: readonly SettingSpec[] = [
  {
    name: 'EVENT_STORE_URL',
    description:
      'Event store: `sqlite:<file>` (embedded), `mysql://user:pass@host:port/db` or `esdb://host:2113?tls=false`',
    default: 'sqlite:./data/events.db',
    schema: eventStoreUrlSchema,
  },
  {
    name: 'BUS_URL',
    description:
      'Message bus: `memory:` (in-process; apps must share one process), `redis://host:6379/0` or `pulsar://host:6650`',
    default: 'memory:',
    schema: busUrlSchema,
  },
  {
    name: 'READ_DB_URL',
    description: 'Read-model database: `sqlite:<file>` or `mysql://user:pass@host:port/db`',
    default: 'sqlite:./data/read.db',
    schema: readDbUrlSchema,
  },
  {
    name: 'LOG_LEVEL',
    description: 'Minimum level of the JSON logs: fatal, error, warn, info, debug, trace or silent',
    default: 'info',
    schema: logLevelSchema,
  },
  {
    name: 'HOST',
    description: 'Interface the HTTP servers listen on (`0.0.0.0` in containers)',
    default: '127.0.0.1',
    schema: hostSchema,
  },
  ...appNames.map((app): SettingSpec => ({
    name: portVariable(app),
    description: `HTTP port of the \`${app}\` app`,
    default: String(defaultPorts[app]),
    schema: portSchema,
  })),
  {
    name: 'PORT',
    description:
      'HTTP port when one app runs alone (`node dist/apps/<app>/main.js`); overrides `<APP>_PORT`. Ignored by `npm start`',
    schema: portSchema,
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    description: 'On SIGTERM/SIGINT, how long to drain before forcing the exit',
    default: '10000',
    schema: positiveMillisecondsSchema,
  },
];
