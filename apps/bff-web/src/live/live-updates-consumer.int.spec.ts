import { liveUpdatesTopic } from '@quizbook/contracts';
import { MemoryMessageBus } from '@quizbook/messaging';
import { eventually } from '@quizbook/testing';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { LiveConnection } from './live-connection';
import { LiveSockets } from './live-sockets';
import { consumeLiveUpdates, liveUpdatesGroup } from './live-updates-consumer';
import { publishLive, quizResultMessage } from './testing/live-test-kit';

describe('consumeLiveUpdates', () => {
  const silent = pino({ level: 'silent' });

  /** One instance's sockets with a single socket of ada's, and the positions it was sent. */
  function instanceHoldingAda(): { sockets: LiveSockets; sent: () => string[] } {
    const frames: string[] = [];
    const socket = { readyState: 1, send: (frame: string) => frames.push(frame) } as unknown as WebSocket;
    const sockets = new LiveSockets();
    sockets.add(new LiveConnection(socket, 'ada', undefined));
    return {
      sockets,
      sent: () => frames.map((frame) => (JSON.parse(frame) as { position: string }).position),
    };
  }

  it('skips what the bus retained from before the instance started, and forwards what comes after', async () => {
    const bus = new MemoryMessageBus();
    const instance = instanceHoldingAda();
    try {
      await publishLive(bus, 'ada', quizResultMessage('1'));
      const consumer = await consumeLiveUpdates(bus, instance.sockets, silent);
      await publishLive(bus, 'ada', quizResultMessage('2'));
      await eventually(
        () => Promise.resolve(instance.sent()),
        (sent) => sent.length >= 1,
        'the message published after the start',
      );
      await consumer.close();
      expect(instance.sent()).toEqual(['2']);
    } finally {
      await bus.close();
    }
  });

  it('gives every instance every message, and leaves no group behind when an instance stops', async () => {
    const bus = new MemoryMessageBus();
    const instances = [instanceHoldingAda(), instanceHoldingAda()];
    try {
      const consumers = await Promise.all(
        instances.map((instance) => consumeLiveUpdates(bus, instance.sockets, silent)),
      );
      const perInstance = expect.stringContaining(liveUpdatesGroup);
      expect(bus.groupsOf(liveUpdatesTopic)).toEqual([perInstance, perInstance]);
      await publishLive(bus, 'ada', quizResultMessage('3'));
      for (const instance of instances) {
        await eventually(
          () => Promise.resolve(instance.sent()),
          (sent) => sent.length >= 1,
          'the message on each instance',
        );
        expect(instance.sent()).toEqual(['3']);
      }
      await Promise.all(consumers.map((consumer) => consumer.close()));
      expect(bus.groupsOf(liveUpdatesTopic)).toEqual([]);
    } finally {
      await bus.close();
    }
  });
});
