import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type Redis from 'ioredis';
import {
  deadLetterHeaders,
  deadLetterTopic,
  type MessageHandler,
  type OutgoingMessage,
  type RetryPolicy,
} from '../message-bus.port';
import { abortableSleep, settlesWithin } from '../shared/abortable-sleep';
import { describeError, toDeadLetter } from '../shared/dead-letter';
import { backoffDelayMs } from '../shared/retry-policy';
import { decodeWireEnvelope, toMessage, type WireEnvelope } from '../shared/wire-envelope';
import type { RedisBusKeys } from './redis-bus-keys';
import type { RedisBusSettings } from './redis-bus-settings';
import { releaseLease } from './redis-lease-scripts';
import {
  parseEntries,
  parsePendingReply,
  parseReadGroupReply,
  type StreamEntry,
} from './redis-stream-replies';

export interface PartitionWorkerContext {
  redis: Redis;
  keys: RedisBusKeys;
  settings: RedisBusSettings;
  topic: string;
  group: string;
  consumerId: string;
  handler: MessageHandler<unknown>;
  retry: RetryPolicy;
  /** Aborted by close(): a backoff in progress is cut short and its message left pending. */
  closeSignal: AbortSignal;
  /** The XADD arguments that put a message on a topic's partition stream. */
  xaddArguments(topic: string, message: OutgoingMessage): Promise<(string | number)[]>;
  /** The group named on dead letters when it is not the Redis group: an ephemeral consumer's label. */
  deadLetterGroup?: string;
  /** Called when the Redis group is gone from the stream (NOGROUP); without it the read just fails and is retried. */
  recreateGroup?(partition: number): Promise<void>;
}

type Outcome = 'done' | 'left-pending';

/**
 * Works one partition stream while this consumer holds its lease: first takes over what a previous
 * owner left pending (oldest first, so the key order holds), then reads new entries. Entries are
 * handled one after another, retries included, which is what keeps each key in publish order.
 */
export class PartitionWorker {
  readonly done: Promise<void>;
  private stopping = false;
  private lost = false;
  private abandoned = false;
  private readonly stopController = new AbortController();
  private readonly connection: Redis;
  private readonly stream: string;
  private readonly attemptsKey: string;

  constructor(
    private readonly context: PartitionWorkerContext,
    readonly partition: number,
  ) {
    // Its own connection, because a blocking XREADGROUP holds the connection it runs on.
    this.connection = context.redis.duplicate();
    this.stream = context.keys.stream(context.topic, partition);
    this.attemptsKey = context.keys.attempts(context.topic, context.group);
    this.done = this.run();
  }

  private get deadLetterGroup(): string {
    return this.context.deadLetterGroup ?? this.context.group;
  }

  get isStopping(): boolean {
    return this.stopping || this.lost;
  }

  stop(): void {
    this.stopping = true;
    this.stopController.abort();
  }

  /** Our lease expired and someone else may own the partition: leave everything unacknowledged to them. */
  markLost(): void {
    this.lost = true;
    this.stop();
  }

  /** Close gave up waiting: behave like a crashed process, give the partition away and acknowledge nothing more. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    this.stop();
    this.connection.disconnect();
    await this.release();
  }

  private async run(): Promise<void> {
    let tookOverPending = false;
    try {
      while (!this.stopping && !this.lost) {
        try {
          if (!tookOverPending) {
            const pending = await this.claimPending();
            if (pending === 'none') tookOverPending = true;
            else if ((await this.handleAll(pending, true)) === 'left-pending') return;
            continue;
          }
          if ((await this.handleAll(await this.readNew(), false)) === 'left-pending') return;
        } catch (error) {
          if (this.stopping || this.abandoned) return;
          this.context.settings.onError(error);
          if (String(error).includes('NOGROUP') && this.context.recreateGroup) {
            await this.context.recreateGroup(this.partition).catch(this.context.settings.onError);
          }
          await abortableSleep(this.context.settings.blockMs, this.stopController.signal);
        }
      }
    } finally {
      if (!this.abandoned) {
        if (!this.lost) await this.release();
        this.connection.disconnect();
      }
    }
  }

  private async release(): Promise<void> {
    const { redis, keys, topic, group, consumerId } = this.context;
    await releaseLease(redis, keys.lease(topic, group, this.partition), consumerId).catch(() => undefined);
  }

  private async readNew(): Promise<StreamEntry[]> {
    const { group, consumerId, settings } = this.context;
    const reply = await this.connection.call(
      'XREADGROUP',
      'GROUP',
      group,
      consumerId,
      'COUNT',
      settings.batchSize,
      'BLOCK',
      settings.blockMs,
      'STREAMS',
      this.stream,
      '>',
    );
    return parseReadGroupReply(reply);
  }

  /**
   * XPENDING + XCLAIM rather than XAUTOCLAIM: XAUTOCLAIM takes any entry idle long enough, wherever it
   * sits, which could run a key's later message before an earlier one still inside its idle window.
   * Only the lease holder claims, so nobody races us between the two calls.
   */
  private async claimPending(): Promise<StreamEntry[] | 'none'> {
    const { redis, group, consumerId, settings } = this.context;
    const pending = parsePendingReply(
      await redis.call('XPENDING', this.stream, group, '-', '+', settings.batchSize),
    );
    if (pending.length === 0) return 'none';
    const claimable: string[] = [];
    for (const entry of pending) {
      if (entry.consumer !== consumerId && entry.idleMs < settings.reclaimIdleMs) break;
      claimable.push(entry.id);
    }
    if (claimable.length === 0) {
      const waitMs = settings.reclaimIdleMs - (pending[0]?.idleMs ?? 0);
      await abortableSleep(Math.max(10, Math.min(waitMs, settings.blockMs)), this.stopController.signal);
      return [];
    }
    return parseEntries(await redis.call('XCLAIM', this.stream, group, consumerId, 0, ...claimable));
  }

  private async handleAll(entries: StreamEntry[], reclaimed: boolean): Promise<Outcome> {
    for (const entry of entries) {
      if (this.lost || this.abandoned) return 'left-pending';
      if ((await this.handle(entry, reclaimed)) === 'left-pending') return 'left-pending';
    }
    return 'done';
  }

  private async handle(entry: StreamEntry, reclaimed: boolean): Promise<Outcome> {
    const { redis, topic, handler, retry, closeSignal } = this.context;
    const field = `${this.partition}:${entry.id}`;
    let envelope: WireEnvelope;
    try {
      envelope = decodeWireEnvelope(entry.fields.m ?? '');
    } catch (error) {
      await this.deadLetterUndecodable(entry, field, error);
      return 'done';
    }
    // Being pending proves delivery 1 started, so a fresh entry costs no write; from attempt 2 on the
    // count is stored before the handler runs, so a crash at any point still counts the attempt.
    let attempt = 1;
    if (reclaimed) {
      attempt = Number((await redis.hget(this.attemptsKey, field)) ?? 1) + 1;
      await redis.hset(this.attemptsKey, field, attempt);
    }
    for (;;) {
      const message = toMessage(topic, envelope, attempt);
      if (attempt > retry.maxAttempts) {
        await this.deadLetter(
          entry.id,
          field,
          toDeadLetter(
            { ...message, attempt: attempt - 1 },
            this.deadLetterGroup,
            new Error('consumer stopped mid-message on every attempt'),
          ),
        );
        return 'done';
      }
      let failure: { error: unknown } | undefined;
      try {
        await handler(message);
      } catch (error) {
        failure = { error };
      }
      if (this.abandoned) return 'left-pending';
      if (!failure) {
        await this.acknowledge(entry.id, field, attempt > 1);
        return 'done';
      }
      if (attempt >= retry.maxAttempts) {
        await this.deadLetter(entry.id, field, toDeadLetter(message, this.deadLetterGroup, failure.error));
        return 'done';
      }
      await abortableSleep(backoffDelayMs(attempt, retry), closeSignal);
      if (closeSignal.aborted || this.lost) return 'left-pending';
      attempt += 1;
      await redis.hset(this.attemptsKey, field, attempt);
    }
  }

  private async acknowledge(entryId: string, field: string, storedAttempts: boolean): Promise<void> {
    const { redis, group } = this.context;
    if (!storedAttempts) {
      await redis.xack(this.stream, group, entryId);
      return;
    }
    await execOrThrow(redis.multi().xack(this.stream, group, entryId).hdel(this.attemptsKey, field));
  }

  /** One transaction, so the message is on the dead-letter topic exactly when it leaves this one. */
  private async deadLetter(entryId: string, field: string, message: OutgoingMessage): Promise<void> {
    const { redis, topic, group } = this.context;
    const xadd = await this.context.xaddArguments(deadLetterTopic(topic, this.deadLetterGroup), message);
    await execOrThrow(
      redis
        .multi()
        .call('XADD', ...xadd)
        .xack(this.stream, group, entryId)
        .hdel(this.attemptsKey, field),
    );
  }

  private async deadLetterUndecodable(entry: StreamEntry, field: string, error: unknown): Promise<void> {
    const { topic } = this.context;
    const group = this.deadLetterGroup;
    await this.deadLetter(entry.id, field, {
      id: `${topic}:${entry.id}`,
      type: 'bus.undecodable-entry',
      payload: entry.fields,
      headers: {
        [deadLetterHeaders.error]: describeError(error),
        [deadLetterHeaders.attempts]: '0',
        [deadLetterHeaders.originalTopic]: topic,
        [deadLetterHeaders.group]: group,
      },
    });
  }
}

async function execOrThrow(multi: ReturnType<Redis['multi']>): Promise<void> {
  const results = await multi.exec();
  const failed = results?.find(([error]) => error);
  if (!results) throw new Error('redis transaction was discarded');
  if (failed?.[0]) throw failed[0];
}

/** Names a consumer in Redis (stream consumer, lease owner, heartbeat): unique per process and consume call. */
export function newConsumerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Stops workers and waits for the messages in hand; past the grace they are abandoned (left pending). */
export async function stopWorkers(workers: PartitionWorker[], graceMs: number): Promise<void> {
  for (const worker of workers) worker.stop();
  const finished = await settlesWithin(Promise.all(workers.map((worker) => worker.done)), graceMs);
  if (!finished) await Promise.all(workers.map((worker) => worker.abandon()));
}
