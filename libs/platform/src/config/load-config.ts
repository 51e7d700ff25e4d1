import { redactUrl } from '@quizbook/database';
import { devWebhookSecret, type AppConfig, type AuthSettings, type PaymentSettings } from './app-config';
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
  if (values.AUTH_ISSUER !== undefined && values.COGNITO_CLIENT_ID === undefined)
    lines.push('config error: COGNITO_CLIENT_ID must be set when AUTH_ISSUER points at a Cognito user pool');
  if (values.STRIPE_SECRET_KEY !== undefined && values.STRIPE_WEBHOOK_SECRET === undefined)
    lines.push('config error: STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is set');
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
    cacheUrl: values.CACHE_URL as string,
    userServiceUrl: values.USER_SERVICE_URL as string,
    courseServiceUrl: values.COURSE_SERVICE_URL as string,
    projectionServiceUrl: values.PROJECTION_SERVICE_URL as string,
    paymentServiceUrl: values.PAYMENT_SERVICE_URL as string,
    quizServiceUrl: values.QUIZ_SERVICE_URL as string,
    quizResultServiceUrl: values.QUIZ_RESULT_SERVICE_URL as string,
    payments: paymentSettings(values),
    auth: authSettings(values),
    adminEmails: values.ADMIN_EMAILS as string[],
    corsOrigins: values.CORS_ORIGINS as string[],
    rateLimitPerIp: values.RATE_LIMIT_PER_IP as number,
    rateLimitPerUser: values.RATE_LIMIT_PER_USER as number,
    bodyLimitBytes: values.BODY_LIMIT_BYTES as number,
    trustProxy: values.TRUST_PROXY as boolean | number | string[],
    seatHoldMinutes: values.SEAT_HOLD_MINUTES as number,
    quizDigestIntervalMinutes: values.QUIZ_DIGEST_INTERVAL_MINUTES as number,
    quizDigestDelaySeconds: values.QUIZ_DIGEST_DELAY_SECONDS as number,
    liveHeartbeatSeconds: values.LIVE_HEARTBEAT_SECONDS as number,
    searchUrl: values.SEARCH_URL as string,
    mailUrl: values.MAIL_URL as string,
    mailFrom: values.MAIL_FROM as string,
    appPublicUrl: values.APP_PUBLIC_URL as string,
  };
}

function paymentSettings(values: SettingValues): PaymentSettings {
  const stripeSecretKey = values.STRIPE_SECRET_KEY as string | undefined;
  const stripeApiUrl = values.STRIPE_API_URL as string | undefined;
  return {
    provider: stripeSecretKey === undefined ? 'dev' : 'stripe',
    ...(stripeSecretKey !== undefined ? { stripeSecretKey } : {}),
    webhookSecret: (values.STRIPE_WEBHOOK_SECRET as string | undefined) ?? devWebhookSecret,
    ...(stripeApiUrl !== undefined ? { stripeApiUrl } : {}),
    publicUrl: values.PAYMENT_PUBLIC_URL as string,
  };
}

function authSettings(values: SettingValues): AuthSettings {
  const cognitoIssuer = values.AUTH_ISSUER as string | undefined;
  if (cognitoIssuer === undefined) {
    return {
      mode: 'local',
      issuer: values.AUTH_LOCAL_ISSUER as string,
      audience: values.AUTH_AUDIENCE as string,
      jwksUri: `${values.USER_SERVICE_URL as string}/.well-known/jwks.json`,
    };
  }
  return {
    mode: 'cognito',
    issuer: cognitoIssuer,
    userPoolId: cognitoIssuer.slice(cognitoIssuer.lastIndexOf('/') + 1),
    clientId: values.COGNITO_CLIENT_ID as string,
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
