import type { AppName } from './app-names';
import type { LogLevel } from './setting-schemas';

/** What one app gets from the environment, validated. Injected as APP_CONFIG. */
export interface AppConfig {
  app: AppName;
  eventStoreUrl: string;
  busUrl: string;
  readDbUrl: string;
  logLevel: LogLevel;
  host: string;
  port: number;
  shutdownTimeoutMs: number;
}
