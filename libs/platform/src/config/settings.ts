import type { z } from 'zod';
import { appNames, defaultPorts, portVariable } from './app-names';
import {
  busUrlSchema,
  cacheUrlSchema,
  cognitoIssuerSchema,
  emailListSchema,
  httpUrlSchema,
  nonEmptyTextSchema,
  originListSchema,
  positiveIntegerSchema,
  trustProxySchema,
  eventStoreUrlSchema,
  hostSchema,
  logLevelSchema,
  portSchema,
  positiveMillisecondsSchema,
  readDbUrlSchema,
  searchUrlSchema,
  stripeSecretKeySchema,
  stripeWebhookSecretSchema,
  mailUrlSchema,
  mailFromSchema,
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
  {
    name: 'CACHE_URL',
    description:
      'Cache (profiles, course details, rate limits): `memory:` (per process) or `redis://host:6379/0`',
    default: 'memory:',
    schema: cacheUrlSchema,
  },
  {
    name: 'USER_SERVICE_URL',
    description:
      'Where other apps reach the `user` app (auth routes, profiles) and the local issuer keys (`/.well-known/jwks.json`)',
    default: 'http://127.0.0.1:3001',
    schema: httpUrlSchema,
  },
  {
    name: 'COURSE_SERVICE_URL',
    description: 'Where `bff-web` reaches the `course` app (catalog, cart, orders)',
    default: 'http://127.0.0.1:3002',
    schema: httpUrlSchema,
  },
  {
    name: 'PROJECTION_SERVICE_URL',
    description: 'Where `bff-web` reaches the `projection` app (read models)',
    default: 'http://127.0.0.1:3007',
    schema: httpUrlSchema,
  },
  {
    name: 'PAYMENT_SERVICE_URL',
    description: 'Where `bff-web` reaches the `payment` app (checkout sessions)',
    default: 'http://127.0.0.1:3003',
    schema: httpUrlSchema,
  },
  {
    name: 'QUIZ_SERVICE_URL',
    description: 'Where `bff-web` reaches the `quiz` app (quizzes, question bank, attempts)',
    default: 'http://127.0.0.1:3004',
    schema: httpUrlSchema,
  },
  {
    name: 'QUIZ_RESULT_SERVICE_URL',
    description:
      'Where `bff-web` reaches the `quiz-result` app (scoreboards, progress, missed live messages)',
    default: 'http://127.0.0.1:3005',
    schema: httpUrlSchema,
  },
  {
    name: 'STRIPE_SECRET_KEY',
    description:
      'Stripe secret key (`sk_...`), held by the `payment` app only. Unset: the dev payment provider (a local checkout page sending Stripe-format signed webhooks)',
    schema: stripeSecretKeySchema,
  },
  {
    name: 'STRIPE_WEBHOOK_SECRET',
    description:
      'Signing secret (`whsec_...`) of the Stripe webhook endpoint; required with `STRIPE_SECRET_KEY`, a fixed dev secret without it',
    schema: stripeWebhookSecretSchema,
  },
  {
    name: 'STRIPE_API_URL',
    description:
      'Where the Stripe client sends API calls, e.g. `http://127.0.0.1:12111` for a local double; unset: Stripe itself',
    schema: httpUrlSchema,
  },
  {
    name: 'PAYMENT_PUBLIC_URL',
    description:
      'The `payment` app as a browser reaches it: the dev checkout page and the checkout success/cancel URLs',
    default: 'http://127.0.0.1:3003',
    schema: httpUrlSchema,
  },
  {
    name: 'AUTH_ISSUER',
    description:
      'Unset: the `user` app issues tokens (local issuer). A Cognito user pool issuer URL: tokens come from Cognito',
    schema: cognitoIssuerSchema,
  },
  {
    name: 'COGNITO_CLIENT_ID',
    description: 'The Cognito app client id access tokens must carry (required with `AUTH_ISSUER`)',
    schema: nonEmptyTextSchema,
  },
  {
    name: 'AUTH_LOCAL_ISSUER',
    description: 'The `iss` of tokens the local issuer signs and the verifiers expect',
    default: 'urn:quizbook:user-service',
    schema: nonEmptyTextSchema,
  },
  {
    name: 'AUTH_AUDIENCE',
    description: 'The `aud` of tokens the local issuer signs and the verifiers expect',
    default: 'quizbook',
    schema: nonEmptyTextSchema,
  },
  {
    name: 'ADMIN_EMAILS',
    description: 'Comma-separated emails that get the `admin` role when they register (the first admins)',
    default: '',
    schema: emailListSchema,
  },
  {
    name: 'CORS_ORIGINS',
    description: 'Comma-separated origins allowed to call `bff-web` from a browser (none when empty)',
    default: '',
    schema: originListSchema,
  },
  {
    name: 'RATE_LIMIT_PER_IP',
    description: 'Requests per minute one client IP may make to `bff-web` before 429',
    default: '300',
    schema: positiveIntegerSchema,
  },
  {
    name: 'RATE_LIMIT_PER_USER',
    description: 'Requests per minute one signed-in user may make to `bff-web` before 429',
    default: '600',
    schema: positiveIntegerSchema,
  },
  {
    name: 'BODY_LIMIT_BYTES',
    description: 'Largest request body accepted (413 above it)',
    default: '1048576',
    schema: positiveIntegerSchema,
  },
  {
    name: 'TRUST_PROXY',
    description:
      'Which proxies may set `X-Forwarded-For` (client IPs for rate limits and logs): `false`, `true`, a hop count, or addresses/CIDRs',
    default: 'false',
    schema: trustProxySchema,
  },
  {
    name: 'QUIZ_DIGEST_INTERVAL_MINUTES',
    description:
      "The `quiz-result` app emails a quiz's instructor at most one score digest per quiz per this many minutes",
    default: '60',
    schema: positiveIntegerSchema,
  },
  {
    name: 'QUIZ_DIGEST_DELAY_SECONDS',
    description:
      'After the first graded attempt of a quiet quiz, how long `quiz-result` gathers further results before sending the digest',
    default: '60',
    schema: positiveIntegerSchema,
  },
  {
    name: 'LIVE_HEARTBEAT_SECONDS',
    description:
      '`bff-web` pings each live WebSocket this often and closes one that did not answer the previous ping',
    default: '30',
    schema: positiveIntegerSchema,
  },
  {
    name: 'SEAT_HOLD_MINUTES',
    description:
      'How long the `course` app holds a reserved seat for an unpaid order before it expires and frees the seat',
    default: '30',
    schema: positiveIntegerSchema,
  },
  {
    name: 'SEARCH_URL',
    description:
      'Course search index: `embedded:` (in-process, refilled from the read model on start) or an OpenSearch URL `https://user:pass@host:9200/<index>` (index defaults to `courses`)',
    default: 'embedded:',
    schema: searchUrlSchema,
  },
  {
    name: 'MAIL_URL',
    description:
      'Where the `notification` app sends email: `devmailbox:` (stored in the read database, listed at `GET /dev/mailbox` of the notification app) or `smtp://user:pass@host:587` / `smtps://user:pass@host:465`',
    default: 'devmailbox:',
    schema: mailUrlSchema,
  },
  {
    name: 'MAIL_FROM',
    description: 'The From of every email the `notification` app sends',
    default: 'Quizbook <no-reply@quizbook.local>',
    schema: mailFromSchema,
  },
  {
    name: 'APP_PUBLIC_URL',
    description: 'Where learners open the web app: the base of the links in emails',
    default: 'http://127.0.0.1:3000',
    schema: httpUrlSchema,
  },
];
