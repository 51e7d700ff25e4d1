import { openMessageBus, type MessageBus } from '@quizbook/messaging';
import {
  describeWithRedis,
  eventually,
  redisUrl,
  startTestApp,
  uniqueName,
  type TestApps,
} from '@quizbook/testing';
import { bffWebApp } from '../bff-web.app';
import {
  freshPosition,
  LiveClient,
  LiveTestIssuer,
  publishLive,
  quizResultMessage,
} from './testing/live-test-kit';

describeWithRedis('GET /api/live with two bff-web instances on one Redis bus', () => {
  const issuer = new LiveTestIssuer();
  let instanceA: TestApps;
  let instanceB: TestApps;
  let bus: MessageBus;

  beforeAll(async () => {
    const busUrl = `${redisUrl}?prefix=${uniqueName('live-instances')}`;
    const env = { BUS_URL: busUrl, USER_SERVICE_URL: await issuer.start() };
    // Two startTestApp calls: two resource registries, so two separate connections to the bus.
    instanceA = await startTestApp(bffWebApp, { env });
    instanceB = await startTestApp(bffWebApp, { env });
    bus = await openMessageBus(busUrl);
  });

  afterAll(async () => {
    await bus?.close();
    await instanceA?.close();
    await instanceB?.close();
    await issuer.close();
  });

  it('delivers a message published once through the instance holding the socket, exactly once', async () => {
    const onB = await LiveClient.connect(instanceB.url, { token: issuer.tokenFor('learner-on-b') });
    const elsewhereOnA = await LiveClient.connect(instanceA.url, { token: issuer.tokenFor('someone-on-a') });

    const result = quizResultMessage(freshPosition());
    await publishLive(bus, 'learner-on-b', result);
    expect(await onB.received(1)).toEqual([result]);

    // A later message to the same user: had the first arrived twice, it would be here before this one.
    const marker = quizResultMessage(freshPosition());
    await publishLive(bus, 'learner-on-b', marker);
    await onB.received(2);
    expect(onB.messages).toEqual([result, marker]);
    expect(elsewhereOnA.messages).toEqual([]);
    // Both instances saw both messages (each in a group of its own); only B held a socket for them.
    for (const [instance, sockets] of [
      [instanceA, 0],
      [instanceB, 1],
    ] as const) {
      const taken = await eventually(
        () => Promise.resolve(instance.logs.find({ msg: 'live update taken', userId: 'learner-on-b' })),
        (records) => records.length >= 2,
        'both updates taken off the bus',
      );
      expect(taken.map((record) => record.sockets)).toEqual([sockets, sockets]);
    }
    await Promise.all([onB.close(), elsewhereOnA.close()]);
  });

  it('delivers to the sockets of one user on both instances', async () => {
    const onA = await LiveClient.connect(instanceA.url, { token: issuer.tokenFor('two-tabs') });
    const onB = await LiveClient.connect(instanceB.url, { token: issuer.tokenFor('two-tabs') });
    const result = quizResultMessage(freshPosition());
    await publishLive(bus, 'two-tabs', result);
    expect(await onA.received(1)).toEqual([result]);
    expect(await onB.received(1)).toEqual([result]);
    await Promise.all([onA.close(), onB.close()]);
  });
});
