import { createMemoryMessageBus } from '@quizbook/messaging';
import { eventually } from '@quizbook/testing';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { LiveConnection } from './live-connection';
import { LiveSockets } from './live-sockets';
import { consumeLiveUpdates, instanceGroup } from './live-updates-consumer';
import { publishLive, quizResultMessage } from './testing/live-test-kit';

describe('consumeLiveUpdates', () => {
  it('groups are unique per instance, so every instance sees every message', () => {
    expect(instanceGroup()).toMatch(/^bff-web-live-.+-\d+-[0-9a-f]{8}$/);
    expect(instanceGroup()).not.toBe(instanceGroup());
  });

  it('skips what the bus retained from before the instance started, and forwards what comes after', async () => {
    const bus = createMemoryMessageBus();
    const frames: string[] = [];
    const socket = { readyState: 1, send: (frame: string) => frames.push(frame) } as unknown as WebSocket;
    const sockets = new LiveSockets();
    sockets.add(new LiveConnection(socket, 'ada', undefined));
    try {
      await publishLive(bus, 'ada', quizResultMessage('1'));
      const startedAt = new Date(Date.now() + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const consumer = await consumeLiveUpdates(bus, sockets, pino({ level: 'silent' }), {
        since: startedAt,
      });
      await publishLive(bus, 'ada', quizResultMessage('2'));
      await eventually(
        () => Promise.resolve(frames),
        (sent) => sent.length >= 1,
        'the message published after the start',
      );
      await consumer.close();
      expect(frames.map((frame) => (JSON.parse(frame) as { position: string }).position)).toEqual(['2']);
    } finally {
      await bus.close();
    }
  });
});
