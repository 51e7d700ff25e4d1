import { openMessageBus, redisBusOptions, UnsupportedBusUrlError } from './open-message-bus';

describe('openMessageBus', () => {
  it('opens an in-process bus for memory:, a separate broker each time', async () => {
    const first = await openMessageBus('memory:');
    const second = await openMessageBus('memory:');
    const seen: string[] = [];
    await second.consume({ topic: 't', group: 'g', handler: async (message) => void seen.push(message.id) });
    await first.publish('t', { id: 'only-on-first', type: 'T', payload: null });
    await first.ping();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  });

  it.each(['http://localhost', 'kafka://broker:9092', 'memory', ''])(
    'rejects %j, naming the schemes it expects',
    async (url) => {
      const opening = openMessageBus(url);
      await expect(opening).rejects.toThrow(UnsupportedBusUrlError);
      await expect(opening).rejects.toThrow(
        /memory:, redis:\/\/, rediss:\/\/, pulsar:\/\/ or pulsar\+ssl:\/\//,
      );
    },
  );
});

describe('redis bus URL options', () => {
  it('takes the key prefix from ?prefix= and hands ioredis the URL without it', () => {
    expect(redisBusOptions('redis://127.0.0.1:6379/15?prefix=run-1')).toEqual({
      url: 'redis://127.0.0.1:6379/15',
      keyPrefix: 'run-1',
    });
    expect(redisBusOptions('redis://127.0.0.1:6379/15')).toEqual({ url: 'redis://127.0.0.1:6379/15' });
  });
});
