import { redactUrl } from '@quizbook/database';
import type { AppConfig } from './app-config';
import { portVariable, type AppName } from './app-names';
import { ConfigError } from './config-error';
import type { LogLevel } from './setting-schemas';
import { settings } from './settings';

export type Environment = Record<string, string | undefined>;

/** Every setting, validated and with its default applied, keyed by variable name. */
export type SettingValues = Record<string, unknown>;

/** Validates every setting at once, so one start reports every wrong variable rather than the first. */
export function readSettings(env: Environment = process.env): SettingValues {
  const values: SettingValues = {};
  const lines: string[] = [];
  for (const setting of settings) {
    const raw = env[setting.name];
    // An empty variable (`FOO=` in a .env file or compose) means "not set", not "set to nothing".
    const given = raw === undefined || raw.trim() === '' ? undefined : raw.trim();
    const value = given ?? setting.default;
    if (value === undefined) continue;
    const parsed = setting.schema.safeParse(value);
    if (parsed.success) values[setting.name] = parsed.data;
    else {
      const expected = parsed.error.issues[0]?.message ?? 'is invalid';
      const source = given === undefined ? ' (the default)' : '';
      lines.push(`config error: ${setting.name} ${expected}, got "${redactUrl(value)}"${source}`);
    }
  }
  if (lines.length > 0) throw new ConfigError(lines);
  return values;
}

export interface LoadConfigOptions {
  /** True when this app is the only one in its process: PORT then overrides `<APP>_PORT`. */
  standalone?: boolean;
}

export function configFor(app: AppName, values: SettingValues, options: LoadConfigOptions = {}): AppConfig {
  const port = options.standalone && values.PORT !== undefined ? values.PORT : values[portVariable(app)];
  return {
    app,
    eventStoreUrl: values.EVENT_STORE_URL as string,
    busUrl: values.BUS_URL as string,
    readDbUrl: values.READ_DB_URL as string,
    logLevel: values.LOG_LEVEL as LogLevel,
    host: values.HOST as string,
    port: port as number,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS as number,
  };
}

/** @throws ConfigError listing every wrong variable */
export function loadConfig(
  app: AppName,
  env: Environment = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  return configFor(app, readSettings(env), options);
}
