import { LiveUpdatePublished, liveUpdatesTopic, type LiveMessage } from '@quizbook/contracts';
import type { MessageBus } from '@quizbook/messaging';
import { eventually } from '@quizbook/testing';
import WebSocket from 'ws';

/** The shared issuer: `tokenFor(userId, { expiresInSeconds })` and `strangerToken(userId)` serve the live specs. */
export { TestTokenIssuer as LiveTestIssuer } from '@quizbook/testing';

let nextPosition = 1000n;
/** A fresh position, higher than any handed out before in this process. */
export const freshPosition = (): string => (nextPosition += 1n).toString();

export function quizResultMessage(position: string, attemptId = `attempt-${position}`): LiveMessage {
  return {
    type: 'quiz.result',
    position,
    data: {
      attemptId,
      quizId: 'quiz-1',
      courseId: 'course-1',
      scorePercent: 80,
      passed: true,
      finishedAt: '2026-11-22T07:00:00.000Z',
    },
  };
}

/** What quiz-result does: one LiveUpdatePublished on `live-updates`, keyed by the user. */
export function publishLive(bus: MessageBus, userId: string, message: LiveMessage): Promise<void> {
  const update = LiveUpdatePublished.create({ userId, message });
  return bus.publish(liveUpdatesTopic, {
    id: `live-${message.position}-${userId}`,
    type: update.type,
    key: userId,
    payload: update.data,
  });
}

export interface Refusal {
  status: number;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

export interface LiveClientOptions {
  token?: string;
  /** How the token travels: the browser way (subprotocol) or the query parameter. */
  tokenIn?: 'protocol' | 'query' | 'header';
  after?: string;
  /** false: never answer pings, like a peer that has gone away without closing. */
  autoPong?: boolean;
}

/** A real `ws` client: what it received, how it closed, or why the upgrade was refused. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #resolveClosed!: (closed: { code: number; reason: string }) => void;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => (this.#resolveClosed = resolve));
    socket.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString()) as LiveMessage));
    socket.on('close', (code, reason) => this.#resolveClosed({ code, reason: reason.toString() }));
  }

  /** Opens `/api/live`; resolves once open, or rejects with the HTTP refusal. */
  static connect(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveClient> {
    const url = new URL('/api/live', baseUrl.replace(/^http/, 'ws'));
    if (options.after !== undefined) url.searchParams.set('after', options.after);
    const tokenIn = options.tokenIn ?? 'protocol';
    if (options.token && tokenIn === 'query') url.searchParams.set('access_token', options.token);
    const protocols = options.token && tokenIn === 'protocol' ? ['bearer', options.token] : [];
    const headers = options.token && tokenIn === 'header' ? { authorization: `Bearer ${options.token}` } : {};
    const socket = new WebSocket(url, protocols, { headers, autoPong: options.autoPong ?? true });
    const client = new LiveClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          reject(
            Object.assign(new Error(`refused with ${response.statusCode}`), {
              refusal: {
                status: response.statusCode ?? 0,
                contentType: response.headers['content-type'],
                body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
              } satisfies Refusal,
            }),
          );
          socket.terminate();
        });
      });
      socket.once('error', reject);
    });
  }

  /** Waits until `count` messages have arrived. */
  received(count: number): Promise<LiveMessage[]> {
    return eventually(
      () => Promise.resolve(this.messages),
      (messages) => messages.length >= count,
      `${count} live messages (got ${this.messages.length})`,
    );
  }

  positions(): string[] {
    return this.messages.map((message) => message.position);
  }

  close(): Promise<{ code: number; reason: string }> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING)
      this.socket.close(1000);
    return this.closed;
  }
}

/** The refusal a LiveClient.connect rejected with. */
export async function refusalOf(connecting: Promise<LiveClient>): Promise<Refusal> {
  try {
    const client = await connecting;
    await client.close();
  } catch (error) {
    const refusal = (error as { refusal?: Refusal }).refusal;
    if (refusal) return refusal;
    throw error;
  }
  throw new Error('the live socket opened; a refusal was expected');
}
