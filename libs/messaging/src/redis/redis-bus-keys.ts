const ephemeralGroupPrefix = 'ephemeral:';

/** Every key the Redis bus writes, under one prefix so a test (or an operator) can find and drop them. */
export class RedisBusKeys {
  constructor(readonly prefix: string) {}

  /** Fixed on first use, so publishers and consumers with different settings still agree. */
  partitionCount(topic: string): string {
    return `${this.prefix}:${topic}:partitions`;
  }

  stream(topic: string, partition: number): string {
    return `${this.prefix}:${topic}:p${partition}`;
  }

  lease(topic: string, group: string, partition: number): string {
    return `${this.prefix}:${topic}:g:${group}:lease:${partition}`;
  }

  /** Sorted set of live consumers (score: heartbeat expiry), used to split partitions fairly. */
  members(topic: string, group: string): string {
    return `${this.prefix}:${topic}:g:${group}:members`;
  }

  /**
   * The Redis group of one ephemeral consumer: `ephemeral:<group>:<consumer id>`. The prefix is how a
   * sweep (and an operator) tells them from durable groups, which never start with it.
   */
  ephemeralGroup(group: string, consumerId: string): string {
    return `${ephemeralGroupPrefix}${group}:${consumerId}`;
  }

  isEphemeralGroup(group: string): boolean {
    return group.startsWith(ephemeralGroupPrefix);
  }

  /** Set with a TTL and refreshed by a live ephemeral consumer: once it is missing, the group may be destroyed. */
  ephemeralAlive(topic: string, group: string): string {
    return `${this.prefix}:${topic}:g:${group}:alive`;
  }

  /** Hash: `<partition>:<entry id>` -> the last attempt started, written only from attempt 2 on. */
  attempts(topic: string, group: string): string {
    return `${this.prefix}:${topic}:g:${group}:attempts`;
  }
}
