import type { WebSocket } from 'ws';
import { LiveConnection } from './live-connection';
import { LiveSockets } from './live-sockets';
import { quizResultMessage } from './testing/live-test-kit';

/** A socket that records what it was sent; 1 is WebSocket.OPEN. */
function recordingSocket(): { socket: WebSocket; sent: () => string[] } {
  const frames: string[] = [];
  const socket = { readyState: 1, send: (frame: string) => frames.push(frame) } as unknown as WebSocket;
  return { socket, sent: () => frames.map((frame) => (JSON.parse(frame) as { position: string }).position) };
}

const messages = (...positions: string[]) => positions.map((position) => quizResultMessage(position));

describe('LiveConnection', () => {
  it('without `after`, sends live messages as they come, dropping repeats and older ones', () => {
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection(socket, 'u', undefined);
    for (const message of messages('5', '5', '3', '7')) connection.deliver(message);
    expect(sent()).toEqual(['5', '7']);
  });

  it('with `after`, never sends that position or one before it', () => {
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection(socket, 'u', 10n);
    for (const message of messages('9', '10', '11')) connection.deliver(message);
    expect(sent()).toEqual(['11']);
  });

  it('holds live messages during the replay and merges them after it: each once, ascending', () => {
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection(socket, 'u', 10n);
    connection.beginReplay();
    for (const message of messages('15', '12', '14')) connection.deliver(message);
    connection.replay(messages('11', '12'));
    expect(sent()).toEqual(['11', '12']);
    connection.replay(messages('13'));
    connection.endReplay();
    connection.deliver(quizResultMessage('16'));
    expect(sent()).toEqual(['11', '12', '13', '14', '15', '16']);
  });

  it('compares positions beyond 2^53 exactly', () => {
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection(socket, 'u', 9007199254740993n);
    for (const message of messages('9007199254740992', '9007199254740993', '9007199254740994'))
      connection.deliver(message);
    expect(sent()).toEqual(['9007199254740994']);
  });

  it('sends nothing to a socket that is no longer open, and does not count it as sent', () => {
    const { socket, sent } = recordingSocket();
    const connection = new LiveConnection(socket, 'u', undefined);
    (socket as { readyState: number }).readyState = 2;
    connection.deliver(quizResultMessage('1'));
    expect(sent()).toEqual([]);
    expect(connection.lastSent).toBeUndefined();
  });
});

describe('LiveSockets', () => {
  it("delivers to the user's sockets only and keeps the open count", () => {
    const counts: number[] = [];
    const sockets = new LiveSockets((count) => counts.push(count));
    const [a1, a2, b] = [recordingSocket(), recordingSocket(), recordingSocket()];
    const connections = [
      new LiveConnection(a1.socket, 'a', undefined),
      new LiveConnection(a2.socket, 'a', undefined),
      new LiveConnection(b.socket, 'b', undefined),
    ];
    for (const connection of connections) sockets.add(connection);
    expect(sockets.deliver('a', quizResultMessage('1'))).toBe(2);
    expect(sockets.deliver('nobody', quizResultMessage('2'))).toBe(0);
    expect([a1.sent(), a2.sent(), b.sent()]).toEqual([['1'], ['1'], []]);

    sockets.remove(connections[0]!);
    sockets.remove(connections[0]!);
    expect(sockets.deliver('a', quizResultMessage('3'))).toBe(1);
    expect(counts).toEqual([1, 2, 3, 2]);
  });
});
