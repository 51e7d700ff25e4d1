import type { LiveMessage } from '@quizbook/contracts';
import { WebSocket } from 'ws';
import { parseLivePosition, type LivePosition } from './live-position';

/**
 * One open socket of one user. It remembers the last position it sent, so a message met twice
 * (in the replayed backlog and on the bus, or redelivered by the bus) reaches the client once, and a
 * position lower than one already sent never arrives after it. While the backlog is being replayed,
 * messages from the bus wait in a buffer and are merged in when the replay ends.
 */
export class LiveConnection {
  #lastSent: LivePosition | undefined;
  #buffered: LiveMessage[] | undefined;
  /** Cleared by the heartbeat before each ping, set again by the pong. */
  alive = true;

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    after: LivePosition | undefined,
  ) {
    this.#lastSent = after;
  }

  get lastSent(): LivePosition | undefined {
    return this.#lastSent;
  }

  /** From now until endReplay, live messages are held back behind the backlog. */
  beginReplay(): void {
    this.#buffered ??= [];
  }

  /** A page of the backlog, ascending. */
  replay(messages: readonly LiveMessage[]): void {
    for (const message of messages) this.#send(message);
  }

  /** Sends what arrived during the replay, in position order, skipping what the backlog already carried. */
  endReplay(): void {
    const held = this.#buffered ?? [];
    this.#buffered = undefined;
    held.sort((a, b) => compare(parseLivePosition(a.position), parseLivePosition(b.position)));
    for (const message of held) this.#send(message);
  }

  /** A message from the bus for this connection's user. */
  deliver(message: LiveMessage): void {
    if (this.#buffered) this.#buffered.push(message);
    else this.#send(message);
  }

  #send(message: LiveMessage): void {
    const position = parseLivePosition(message.position);
    if (this.#lastSent !== undefined && position <= this.#lastSent) return;
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(message));
    this.#lastSent = position;
  }
}

function compare(a: LivePosition, b: LivePosition): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
