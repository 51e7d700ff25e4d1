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
  quizServiceUrl: string;
  quizResultServiceUrl: string;
  payments: PaymentSettings;
  auth: AuthSettings;
  adminEmails: string[];
  corsOrigins: string[];
  rateLimitPerIp: number;
  rateLimitPerUser: number;
  bodyLimitBytes: number;
  trustProxy: boolean | number | string[];
  seatHoldMinutes: number;
  quizDigestIntervalMinutes: number;
  quizDigestDelaySeconds: number;
  liveHeartbeatSeconds: number;
  searchUrl: string;
  mailUrl: string;
  mailFrom: string;
  appPublicUrl: string;
}

/** Which issuer the apps trust: the `user` app's own keys, or a Cognito user pool. */
export type AuthSettings =
  | { mode: 'local'; issuer: string; audience: string; jwksUri: string }
  | { mode: 'cognito'; issuer: string; userPoolId: string; clientId: string };

/**
 * Stripe, or without a secret key the dev payment provider. Only the `payment` app reads it: the
 * keys stay out of every other app's code paths.
 */
export interface PaymentSettings {
  provider: 'stripe' | 'dev';
  stripeSecretKey?: string;
  webhookSecret: string;
  /** Unset: api.stripe.com. */
  stripeApiUrl?: string;
  publicUrl: string;
}

/** Signs the dev provider's webhooks; never valid against a real Stripe endpoint. */
export const devWebhookSecret = 'whsec_quizbook_dev_payments_not_a_secret';
