export interface RedisMessageBusOptions {
  /** redis://[user:pass@]host:port[/db] or rediss://… */
  url: string;
  /** Every key the bus writes starts with this. */
  keyPrefix?: string;
  /** Partition streams per topic, fixed when the topic is first used: the unit of ordering and of sharing work. */
  partitions?: number;
  /** A consumer holds a partition this long without renewing; a dead consumer's partitions move after it. */
  leaseMs?: number;
  /** A pending entry left by a previous owner is taken over once it has been idle this long. */
  reclaimIdleMs?: number;
  /** BLOCK of XREADGROUP: bounds how long close() waits for a read in flight. */
  blockMs?: number;
  /** Entries read at once per partition. */
  batchSize?: number;
  /** How long close() waits for handlers in hand before abandoning them (they stay pending, nothing is lost). */
  shutdownGraceMs?: number;
  /** Approximate MAXLEN per partition stream: bounds Redis memory; entries beyond it are dropped even if unread. */
  maxLenPerPartition?: number;
  /**
   * Liveness of an ephemeral consumer: its heartbeat key lives this long and is refreshed every third
   * of it; once it has lapsed, the next ephemeral consumer of the topic destroys the group. Ephemeral
   * consumers also sweep the topic this often.
   */
  ephemeralTtlMs?: number;
  /** Redis errors in the background loops (they retry on their own). */
  onError?: (error: unknown) => void;
}

export type RedisBusSettings = Required<Omit<RedisMessageBusOptions, 'url'>>;

export function resolveRedisBusSettings(options: RedisMessageBusOptions): RedisBusSettings {
  const leaseMs = options.leaseMs ?? 10_000;
  const settings: RedisBusSettings = {
    keyPrefix: options.keyPrefix ?? 'qb:bus',
    partitions: options.partitions ?? 8,
    leaseMs,
    reclaimIdleMs: options.reclaimIdleMs ?? leaseMs,
    blockMs: options.blockMs ?? 1_000,
    batchSize: options.batchSize ?? 50,
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    maxLenPerPartition: options.maxLenPerPartition ?? 1_000_000,
    ephemeralTtlMs: options.ephemeralTtlMs ?? 30_000,
    onError: options.onError ?? ((error) => console.error('[redis bus]', error)),
  };
  if (!Number.isInteger(settings.partitions) || settings.partitions < 1) {
    throw new RangeError(`partitions must be a positive integer, got ${settings.partitions}`);
  }
  if (!(settings.ephemeralTtlMs >= 30)) {
    throw new RangeError(`ephemeralTtlMs must be at least 30, got ${settings.ephemeralTtlMs}`);
  }
  if (settings.blockMs >= settings.shutdownGraceMs) {
    throw new RangeError('blockMs must be shorter than shutdownGraceMs, or close() abandons every idle read');
  }
  return settings;
}
