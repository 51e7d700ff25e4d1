import type { MessageBus } from '@quizbook/messaging';
import { openMessageBus } from '@quizbook/messaging';
import { eventually, redisUrl, startTestApp, uniqueName, type TestApps } from '@quizbook/testing';
import WebSocket from 'ws';
import { bffWebApp } from '../bff-web.app';
import { QuizResultLiveDouble } from './testing/quiz-result-live.double';
import {
  freshPosition,
  LiveClient,
  LiveTestIssuer,
  publishLive,
  quizResultMessage,
  refusalOf,
} from './testing/live-test-kit';

const buses: [string, () => string | undefined][] = [['the memory bus', () => 'memory:']];
if (redisUrl) buses.push(['a Redis bus', () => `${redisUrl}?prefix=${uniqueName('live-spec')}`]);

describe.each(buses)('GET /api/live on %s', (_name, busUrlFor) => {
  const issuer = new LiveTestIssuer();
  const quizResult = new QuizResultLiveDouble();
  let apps: TestApps;
  let bus: MessageBus;
  let releaseBus: () => Promise<void>;
  let edge: string;

  beforeAll(async () => {
    const userServiceUrl = await issuer.start();
    await quizResult.start();
    const busUrl = busUrlFor()!;
    apps = await startTestApp(bffWebApp, {
      env: {
        BUS_URL: busUrl,
        USER_SERVICE_URL: userServiceUrl,
        QUIZ_RESULT_SERVICE_URL: quizResult.url,
        LIVE_HEARTBEAT_SECONDS: '1',
        // The channel logs each update it takes from the bus at debug: specs wait on that line.
        LOG_LEVEL: 'debug',
      },
    });
    edge = apps.url;
    // The same bus the app holds: the shared memory instance, or a second connection to Redis.
    const lease = await apps.resources.acquire(`bus ${busUrl}`, () => openMessageBus(busUrl));
    bus = lease.resource;
    releaseBus = lease.release;
  });

  afterAll(async () => {
    await releaseBus?.();
    await apps?.close();
    await quizResult.stop();
    await issuer.close();
  });

  /** Waits until the instance has taken `count` updates for `userId` off the bus. */
  const takenOffTheBus = (userId: string, count: number) =>
    eventually(
      () => Promise.resolve(apps.logs.find({ msg: 'live update taken', userId })),
      (records) => records.length >= count,
      `${count} live updates for ${userId} taken off the bus`,
    );

  describe('the handshake', () => {
    it('refuses an upgrade without a token with a 401 problem, and never opens the socket', async () => {
      const refusal = await refusalOf(LiveClient.connect(edge));
      expect(refusal).toMatchObject({
        status: 401,
        contentType: expect.stringMatching(/^application\/problem\+json/),
        body: { status: 401, type: 'urn:quizbook:problem:unauthorized' },
      });
    });

    it('refuses a token signed by a key the user service never published', async () => {
      const refusal = await refusalOf(LiveClient.connect(edge, { token: issuer.strangerToken('mallory') }));
      expect(refusal).toMatchObject({ status: 401, body: { type: 'urn:quizbook:problem:invalid-token' } });
    });

    it('refuses an expired token', async () => {
      const token = issuer.tokenFor('late-learner', { expiresInSeconds: -5 });
      const refusal = await refusalOf(LiveClient.connect(edge, { token, tokenIn: 'query' }));
      expect(refusal).toMatchObject({ status: 401, body: { type: 'urn:quizbook:problem:invalid-token' } });
    });

    it('refuses an `after` that is not a position with a 400 naming the field', async () => {
      const token = issuer.tokenFor('eager-learner');
      const refusal = await refusalOf(LiveClient.connect(edge, { token, after: '12; DROP' }));
      expect(refusal).toMatchObject({
        status: 400,
        body: { type: 'urn:quizbook:problem:validation', errors: [{ field: 'after' }] },
      });
    });

    it.each(['protocol', 'query', 'header'] as const)(
      'opens with a valid token in the %s',
      async (tokenIn) => {
        const client = await LiveClient.connect(edge, { token: issuer.tokenFor(`by-${tokenIn}`), tokenIn });
        if (tokenIn === 'protocol') expect(client.socket.protocol).toBe('bearer');
        expect((await client.close()).code).toBe(1000);
      },
    );

    it('drops an upgrade to any other path', async () => {
      const socket = new WebSocket(`${edge.replace(/^http/, 'ws')}/api/elsewhere`, {
        headers: { authorization: `Bearer ${issuer.tokenFor('wanderer')}` },
      });
      const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
      expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    });
  });

  describe('messages from the bus', () => {
    it("reach every socket of that user and no one else's", async () => {
      const [first, second, other] = await Promise.all([
        LiveClient.connect(edge, { token: issuer.tokenFor('ada') }),
        LiveClient.connect(edge, { token: issuer.tokenFor('ada') }),
        LiveClient.connect(edge, { token: issuer.tokenFor('grace') }),
      ]);
      const forAda = quizResultMessage(freshPosition());
      await publishLive(bus, 'ada', forAda);
      expect(await first.received(1)).toEqual([forAda]);
      expect(await second.received(1)).toEqual([forAda]);

      // Grace's own message comes after Ada's was delivered: had Ada's reached her, it would be first.
      const forGrace = quizResultMessage(freshPosition());
      await publishLive(bus, 'grace', forGrace);
      expect(await other.received(1)).toEqual([forGrace]);
      await Promise.all([first.close(), second.close(), other.close()]);
    });

    it('sends a message delivered twice (a republish after a crash) once, and never an older one after a newer', async () => {
      const client = await LiveClient.connect(edge, { token: issuer.tokenFor('lin') });
      const [older, newer, newest] = [freshPosition(), freshPosition(), freshPosition()];
      await publishLive(bus, 'lin', quizResultMessage(newer));
      await publishLive(bus, 'lin', quizResultMessage(newer));
      await publishLive(bus, 'lin', quizResultMessage(older));
      await publishLive(bus, 'lin', quizResultMessage(newest));
      await client.received(2);
      expect(client.positions()).toEqual([newer, newest]);
      await client.close();
    });

    it('counts the open sockets in the metrics', async () => {
      const client = await LiveClient.connect(edge, { token: issuer.tokenFor('metered') });
      const metrics = await (await fetch(`${edge}/metrics`)).text();
      expect(metrics).toMatch(/^quizbook_live_sockets\{app="bff-web"\} [1-9]\d*$/m);
      await client.close();
    });
  });

  describe('connection health', () => {
    it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
      const healthy = await LiveClient.connect(edge, { token: issuer.tokenFor('awake') });
      const silent = await LiveClient.connect(edge, { token: issuer.tokenFor('asleep'), autoPong: false });
      const closed = await silent.closed;
      expect(closed.code).toBe(1006);
      expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
      await healthy.close();
    });

    it('closes with 4401 when the token expires', async () => {
      const client = await LiveClient.connect(edge, {
        token: issuer.tokenFor('short-lived', { expiresInSeconds: 2 }),
      });
      expect(await client.closed).toEqual({ code: 4401, reason: 'token expired' });
    });
  });

  describe('resuming with ?after=', () => {
    it('first sends what was missed after that position, in order, then live messages', async () => {
      const [seen, missed1, missed2] = [freshPosition(), freshPosition(), freshPosition()];
      quizResult.store('mae', ...[seen, missed1, missed2].map((position) => quizResultMessage(position)));
      const client = await LiveClient.connect(edge, { token: issuer.tokenFor('mae'), after: seen });
      await client.received(2);
      const live = freshPosition();
      await publishLive(bus, 'mae', quizResultMessage(live));
      await client.received(3);
      expect(client.positions()).toEqual([missed1, missed2, live]);
      await client.close();
    });

    it('pages through a long backlog until a short page', async () => {
      const after = freshPosition();
      const missed = Array.from({ length: 1_100 }, () => freshPosition());
      quizResult.store('bo', ...missed.map((position) => quizResultMessage(position)));
      const client = await LiveClient.connect(edge, { token: issuer.tokenFor('bo'), after });
      await client.received(missed.length);
      expect(client.positions()).toEqual(missed);
      expect(quizResult.requests.filter((request) => request.userId === 'bo')).toEqual([
        { userId: 'bo', after, limit: 500 },
        { userId: 'bo', after: missed[499]!, limit: 500 },
        { userId: 'bo', after: missed[999]!, limit: 500 },
      ]);
      await client.close();
    });

    it('merges what the bus brings during the replay: each position once, ascending', async () => {
      const [after, stored1, stored2, published, later] = [1, 2, 3, 4, 5].map(() => freshPosition()) as [
        string,
        string,
        string,
        string,
        string,
      ];
      quizResult.store('cy', quizResultMessage(stored1), quizResultMessage(stored2));
      const hold = quizResult.holdNextPage();
      const client = await LiveClient.connect(edge, { token: issuer.tokenFor('cy'), after });
      await hold.reached;
      // While the backlog is in flight: one it also holds, one it does not yet (published before
      // quiz-result commits), and an old one the client saw before it disconnected.
      await publishLive(bus, 'cy', quizResultMessage(later));
      await publishLive(bus, 'cy', quizResultMessage(stored2));
      await publishLive(bus, 'cy', quizResultMessage(published));
      await publishLive(bus, 'cy', quizResultMessage(after));
      await takenOffTheBus('cy', 4);
      expect(client.messages).toEqual([]);
      hold.release();
      await client.received(4);
      const next = freshPosition();
      await publishLive(bus, 'cy', quizResultMessage(next));
      await client.received(5);
      expect(client.positions()).toEqual([stored1, stored2, published, later, next]);
      await client.close();
    });

    it('closes with 1013 when quiz-result cannot hand over the backlog, rather than skip it', async () => {
      quizResult.failWith(503);
      try {
        const client = await LiveClient.connect(edge, {
          token: issuer.tokenFor('dee'),
          after: freshPosition(),
        });
        expect(await client.closed).toEqual({ code: 1013, reason: 'try again later' });
        expect(client.messages).toEqual([]);
      } finally {
        quizResult.failWith(undefined);
      }
    });
  });
});

describe('GET /api/live when bff-web shuts down', () => {
  it('closes the open sockets with 1001 and stops', async () => {
    const issuer = new LiveTestIssuer();
    const apps = await startTestApp(bffWebApp, { env: { USER_SERVICE_URL: await issuer.start() } });
    try {
      const client = await LiveClient.connect(apps.url, { token: issuer.tokenFor('leaving') });
      await apps.close();
      expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    } finally {
      await apps.close();
      await issuer.close();
    }
  });
});
