import { FifoQueue } from './fifo-queue';

/** One published message as the broker keeps it: JSON, parsed per delivery so groups never share objects. */
export interface StoredMessage {
  readonly topic: string;
  readonly json: string;
  /** Messages in one lane are delivered one at a time, in order: the key, or the id for keyless messages. */
  readonly lane: string;
}

export interface PendingDelivery {
  readonly stored: StoredMessage;
  /** The attempt number the next delivery of this message will carry. */
  attempt: number;
}

interface Lane {
  readonly deliveries: FifoQueue<PendingDelivery>;
  /** A delivery of the head is in a handler or waiting out its backoff: the rest of the lane waits. */
  busy: boolean;
  queued: boolean;
}

export interface GroupMember {
  hasCapacity(): boolean;
  take(lane: string, delivery: PendingDelivery): void;
}

/**
 * A consumer group: per-lane queues so one key's messages stay in order while other keys (and keyless
 * messages) flow to whichever member has room. Retry timers live here, not in a consumer, so a
 * retried message survives its consumer closing and goes to another member.
 */
export class MemoryGroup {
  private readonly lanes = new Map<string, Lane>();
  private readonly ready = new FifoQueue<string>();
  private readonly members: GroupMember[] = [];
  private nextMember = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(initial: Iterable<StoredMessage>) {
    for (const stored of initial) this.append(stored);
  }

  enqueue(stored: StoredMessage): void {
    this.append(stored);
    this.dispatch();
  }

  join(member: GroupMember): void {
    this.members.push(member);
    this.dispatch();
  }

  leave(member: GroupMember): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
  }

  /** The head of the lane is done (handled or dead-lettered): the next message of the key may go. */
  completed(laneName: string): void {
    const lane = this.lanes.get(laneName);
    if (!lane) return;
    lane.deliveries.shift();
    lane.busy = false;
    if (lane.deliveries.length === 0) this.lanes.delete(laneName);
    else this.markReady(laneName, lane);
    this.dispatch();
  }

  /** The head failed: it is delivered again after the backoff, and its lane stays blocked until then. */
  retryAfter(laneName: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.release(laneName);
    }, delayMs);
    this.timers.add(timer);
  }

  /** The head was taken by a consumer that went away without finishing: hand it to another member. */
  release(laneName: string): void {
    const lane = this.lanes.get(laneName);
    if (!lane) return;
    const head = lane.deliveries.peek();
    if (head) head.attempt += 1;
    lane.busy = false;
    this.markReady(laneName, lane);
    this.dispatch();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.members.length = 0;
  }

  private append(stored: StoredMessage): void {
    let lane = this.lanes.get(stored.lane);
    if (!lane) {
      lane = { deliveries: new FifoQueue(), busy: false, queued: false };
      this.lanes.set(stored.lane, lane);
    }
    lane.deliveries.push({ stored, attempt: 1 });
    this.markReady(stored.lane, lane);
  }

  private markReady(laneName: string, lane: Lane): void {
    if (lane.busy || lane.queued || lane.deliveries.length === 0) return;
    lane.queued = true;
    this.ready.push(laneName);
  }

  private dispatch(): void {
    while (this.ready.length > 0) {
      const member = this.memberWithCapacity();
      if (!member) return;
      const laneName = this.ready.shift() as string;
      const lane = this.lanes.get(laneName);
      if (!lane) continue;
      lane.queued = false;
      const head = lane.deliveries.peek();
      if (lane.busy || !head) continue;
      lane.busy = true;
      member.take(laneName, head);
    }
  }

  /** Round robin, so competing consumers share the work instead of the first one taking it all. */
  private memberWithCapacity(): GroupMember | undefined {
    for (let tried = 0; tried < this.members.length; tried += 1) {
      const member = this.members[(this.nextMember + tried) % this.members.length] as GroupMember;
      if (member.hasCapacity()) {
        this.nextMember = (this.nextMember + tried + 1) % this.members.length;
        return member;
      }
    }
    return undefined;
  }
}
