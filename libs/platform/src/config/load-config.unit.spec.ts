import { devWebhookSecret } from './app-config';
import { ConfigError } from './config-error';
import { loadConfig, readSettings } from './load-config';

function errorLines(env: Record<string, string>): readonly string[] {
  try {
    readSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(loadConfig('course', {})).toEqual({
      app: 'course',
      eventStoreUrl: 'sqlite:./data/events.db',
      busUrl: 'memory:',
      readDbUrl: 'sqlite:./data/read.db',
      logLevel: 'info',
      host: '127.0.0.1',
      port: 3002,
      shutdownTimeoutMs: 10000,
      cacheUrl: 'memory:',
      userServiceUrl: 'http://127.0.0.1:3001',
      courseServiceUrl: 'http://127.0.0.1:3002',
      projectionServiceUrl: 'http://127.0.0.1:3007',
      paymentServiceUrl: 'http://127.0.0.1:3003',
      quizServiceUrl: 'http://127.0.0.1:3004',
      quizResultServiceUrl: 'http://127.0.0.1:3005',
      payments: {
        provider: 'dev',
        webhookSecret: devWebhookSecret,
        publicUrl: 'http://127.0.0.1:3003',
      },
      auth: {
        mode: 'local',
        issuer: 'urn:quizbook:user-service',
        audience: 'quizbook',
        jwksUri: 'http://127.0.0.1:3001/.well-known/jwks.json',
      },
      adminEmails: [],
      corsOrigins: [],
      rateLimitPerIp: 300,
      rateLimitPerUser: 600,
      bodyLimitBytes: 1048576,
      trustProxy: false,
      seatHoldMinutes: 30,
      quizDigestIntervalMinutes: 60,
      quizDigestDelaySeconds: 60,
      liveHeartbeatSeconds: 30,
      searchUrl: 'embedded:',
      mailUrl: 'devmailbox:',
      mailFrom: 'Quizbook <no-reply@quizbook.local>',
      appPublicUrl: 'http://127.0.0.1:3000',
    });
  });

  it('talks to Stripe only with a secret key, and then needs the webhook signing secret', () => {
    const payments = loadConfig('payment', {
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_URL: 'http://127.0.0.1:12111/',
    }).payments;
    expect(payments).toEqual({
      provider: 'stripe',
      stripeSecretKey: 'sk_test_123',
      webhookSecret: 'whsec_abc',
      stripeApiUrl: 'http://127.0.0.1:12111',
      publicUrl: 'http://127.0.0.1:3003',
    });
    expect(errorLines({ STRIPE_SECRET_KEY: 'sk_test_123' })).toEqual([
      'config error: STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is set',
    ]);
  });

  it('trusts a Cognito user pool when AUTH_ISSUER names one, and then needs its client id', () => {
    const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
    expect(loadConfig('user', { AUTH_ISSUER: issuer, COGNITO_CLIENT_ID: 'client-1' }).auth).toEqual({
      mode: 'cognito',
      issuer,
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client-1',
    });
    expect(errorLines({ AUTH_ISSUER: issuer })).toEqual([
      'config error: COGNITO_CLIENT_ID must be set when AUTH_ISSUER points at a Cognito user pool',
    ]);
  });

  it('reads which proxies to trust for client addresses', () => {
    expect(loadConfig('bff-web', { TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig('bff-web', { TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig('bff-web', { TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(errorLines({ TRUST_PROXY: 'the load balancer' })).toEqual([
      'config error: TRUST_PROXY must be true, false, a number of proxy hops, or comma-separated proxy addresses or CIDRs, got "the load balancer"',
    ]);
  });

  it('reads lists of admin emails and CORS origins, normalized', () => {
    const config = loadConfig('bff-web', {
      ADMIN_EMAILS: ' Ada@Example.com, grace@example.com ',
      CORS_ORIGINS: 'https://app.example.com/, http://localhost:5173',
    });
    expect(config.adminEmails).toEqual(['ada@example.com', 'grace@example.com']);
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('gives every app its own default port', () => {
    expect(loadConfig('bff-web', {}).port).toBe(3000);
    expect(loadConfig('quiz-result', {}).port).toBe(3005);
    expect(loadConfig('projection', {}).port).toBe(3007);
  });

  it('reads <APP>_PORT, and PORT overrides it only when the app runs alone', () => {
    const env = { QUIZ_RESULT_PORT: '4005', PORT: '0' };
    expect(loadConfig('quiz-result', env).port).toBe(4005);
    expect(loadConfig('quiz-result', env, { standalone: true }).port).toBe(0);
    expect(loadConfig('quiz-result', { QUIZ_RESULT_PORT: '4005' }, { standalone: true }).port).toBe(4005);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig('user', { EVENT_STORE_URL: '', LOG_LEVEL: ' ' }).eventStoreUrl).toBe(
      'sqlite:./data/events.db',
    );
  });

  it('accepts every supported scheme', () => {
    const config = loadConfig('course', {
      EVENT_STORE_URL: 'esdb://localhost:2113?tls=false',
      BUS_URL: 'pulsar://localhost:6650',
      READ_DB_URL: 'mysql://root@127.0.0.1:3306/quizbook',
    });
    expect([config.eventStoreUrl, config.busUrl, config.readDbUrl]).toEqual([
      'esdb://localhost:2113?tls=false',
      'pulsar://localhost:6650',
      'mysql://root@127.0.0.1:3306/quizbook',
    ]);
    expect(loadConfig('user', { BUS_URL: 'redis://localhost:6379/0' }).busUrl).toBe(
      'redis://localhost:6379/0',
    );
  });

  it.each([
    [
      'EVENT_STORE_URL',
      'foo',
      'config error: EVENT_STORE_URL must be a sqlite:, mysql:// or esdb:// URL, got "foo"',
    ],
    [
      'BUS_URL',
      'kafka://x',
      'config error: BUS_URL must be a memory:, redis:// or pulsar:// URL, got "kafka://x"',
    ],
    [
      'READ_DB_URL',
      'postgres://u:secret@db/q',
      'config error: READ_DB_URL must be a sqlite: or mysql:// URL, got "postgres://u:***@db/q"',
    ],
    [
      'LOG_LEVEL',
      'loud',
      'config error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [
      'HOST',
      'not a host',
      'config error: HOST must be a host name or IP address to listen on, got "not a host"',
    ],
    ['COURSE_PORT', 'abc', 'config error: COURSE_PORT must be a port number from 0 to 65535, got "abc"'],
    [
      'BFF_WEB_PORT',
      '70000',
      'config error: BFF_WEB_PORT must be a port number from 0 to 65535, got "70000"',
    ],
    ['PORT', '-1', 'config error: PORT must be a port number from 0 to 65535, got "-1"'],
    [
      'CACHE_URL',
      'memcached://x',
      'config error: CACHE_URL must be a memory: or redis:// URL, got "memcached://x"',
    ],
    [
      'USER_SERVICE_URL',
      'user:3001',
      'config error: USER_SERVICE_URL must be an http:// or https:// URL, got "user:3001"',
    ],
    [
      'COURSE_SERVICE_URL',
      'course:3002',
      'config error: COURSE_SERVICE_URL must be an http:// or https:// URL, got "course:3002"',
    ],
    [
      'AUTH_ISSUER',
      'https://example.com',
      'config error: AUTH_ISSUER must be a Cognito user pool issuer (https://cognito-idp.<region>.amazonaws.com/<poolId>), got "https://example.com"',
    ],
    [
      'ADMIN_EMAILS',
      'root',
      'config error: ADMIN_EMAILS must be a comma-separated list of email addresses, got "root"',
    ],
    [
      'CORS_ORIGINS',
      '*',
      'config error: CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com, got "*"',
    ],
    [
      'SEARCH_URL',
      'opensearch:9200',
      'config error: SEARCH_URL must be embedded: or an http:// or https:// OpenSearch URL, got "opensearch:9200"',
    ],
    [
      'MAIL_URL',
      'mailhog:1025',
      'config error: MAIL_URL must be devmailbox: or an smtp:// or smtps:// URL, got "mailhog:1025"',
    ],
    [
      'MAIL_FROM',
      'Quizbook',
      'config error: MAIL_FROM must be an email address, optionally as "Name <address>", got "Quizbook"',
    ],
    ['RATE_LIMIT_PER_IP', '0', 'config error: RATE_LIMIT_PER_IP must be a positive whole number, got "0"'],
    [
      'SHUTDOWN_TIMEOUT_MS',
      '0',
      'config error: SHUTDOWN_TIMEOUT_MS must be a positive whole number of milliseconds, got "0"',
    ],
  ])('a wrong %s gives exactly one line naming it and what was expected', (name, value, line) => {
    expect(errorLines({ [name]: value })).toEqual([line]);
  });

  it('reports every wrong variable at once, one line each', () => {
    const lines = errorLines({ EVENT_STORE_URL: 'foo', BUS_URL: 'bar', USER_PORT: 'x' });
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.split(' ')[2])).toEqual(['EVENT_STORE_URL', 'BUS_URL', 'USER_PORT']);
  });

  it('never prints a password from a wrong URL', () => {
    expect(errorLines({ EVENT_STORE_URL: 'postgres://admin:hunter2@db/events' }).join('\n')).not.toContain(
      'hunter2',
    );
  });
});
