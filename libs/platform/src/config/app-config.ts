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
  cacheUrl: string;
  userServiceUrl: string;
  courseServiceUrl: string;
  projectionServiceUrl: string;
  paymentServiceUrl: string;
  auth: AuthSettings;
  adminEmails: string[];
  corsOrigins: string[];
  rateLimitPerIp: number;
  rateLimitPerUser: number;
  bodyLimitBytes: number;
  seatHoldMinutes: number;
  searchUrl: string;
  mailUrl: string;
  mailFrom: string;
  appPublicUrl: string;
}

/** Which issuer the apps trust: the `user` app's own keys, or a Cognito user pool. */
export type AuthSettings =
  | { mode: 'local'; issuer: string; audience: string; jwksUri: string }
  | { mode: 'cognito'; issuer: string; userPoolId: string; clientId: string };
