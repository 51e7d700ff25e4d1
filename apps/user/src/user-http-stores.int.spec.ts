import { identityUserSignedUpTopic } from '@quizbook/contracts';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { openMessageBus, type MessageBus } from '@quizbook/messaging';
import {
  createFreshMysqlDatabase,
  describeWithMysql,
  startTestApp,
  type FreshMysqlDatabase,
  type TestApps,
} from '@quizbook/testing';
import { testOnlyArgon2Cost } from './passwords/password-hasher';
import { call } from './testing/http';
import { createUserApp } from './user.app';

const userApp = () => createUserApp({ passwordCost: testOnlyArgon2Cost });

describeWithMysql('user service over HTTP on MariaDB', () => {
  let database: FreshMysqlDatabase;
  let apps: TestApps;

  beforeAll(async () => {
    database = await createFreshMysqlDatabase('qb_user_http');
    apps = await startTestApp(userApp(), {
      env: { EVENT_STORE_URL: database.url, READ_DB_URL: database.url },
    });
  });
  afterAll(async () => {
    await apps.close();
    await database.drop();
  });

  it('registers exactly one user of 20 concurrent registrations of one email; the other 19 get 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(apps.url, 'POST', '/auth/register', {
          body: { email: 'race@example.com', password: 'correct horse 1', name: `R${i}` },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    const login = await call(apps.url, 'POST', '/auth/login', {
      body: { email: 'race@example.com', password: 'correct horse 1' },
    });
    expect(login.status).toBe(200);
  });
});

describe('user service in Cognito mode', () => {
  let apps: TestApps;
  const cognito = {
    AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool',
    COGNITO_CLIENT_ID: 'test-client',
  };
  const shared = async <T>(key: string, open: () => Promise<T & { close(): Promise<void> }>) =>
    (await apps.resources.acquire(key, open)).resource;

  beforeAll(async () => {
    apps = await startTestApp(userApp(), { env: cognito });
  });
  afterAll(() => apps.close());

  it('issues no tokens: sign-up, sign-in and refresh answer a problem pointing at Cognito', async () => {
    for (const [route, body] of [
      ['/auth/register', { email: 'a@example.com', password: 'correct horse 1', name: 'A' }],
      ['/auth/login', { email: 'a@example.com', password: 'correct horse 1' }],
      ['/auth/refresh', { refreshToken: 'x' }],
    ] as const) {
      const response = await call(apps.url, 'POST', route, { body });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: 'urn:quizbook:problem:cognito-sign-in' });
    }
  });

  it('records a user from identity.user-signed-up once, however often the message is delivered', async () => {
    const bus = await shared<MessageBus>('bus memory:', () => openMessageBus('memory:'));
    const eventsUrl = `sqlite:${apps.dir}/events.db`;
    const store = await shared<EventStore>(`eventStore ${eventsUrl}`, () => openEventStore(eventsUrl));
    const message = {
      id: 'signup-1',
      type: 'IdentityUserSignedUp',
      key: 'sub-1',
      payload: { sub: 'sub-1', email: 'ada@example.com', name: 'Ada', groups: ['instructor'] },
    };
    await bus.publish(identityUserSignedUpTopic, [message, message, message]);
    // Waits for the consumer to get through all three deliveries (the memory bus keeps key order).
    for (let i = 0; i < 300; i++) {
      const handled = apps.logs.find({ msg: 'cognito sign-up', messageId: 'signup-1' });
      if (handled.length === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(apps.logs.find({ msg: 'cognito sign-up' }).map((r) => r.outcome)).toEqual([
      'recorded',
      'already-recorded',
      'already-recorded',
    ]);
    const events = await store.readStream('user-sub-1');
    expect(events.map((e) => e.type)).toEqual(['UserRegistered']);
    expect(events[0]!.data).toMatchObject({ roles: ['learner', 'instructor'], source: 'cognito' });
  });
});
