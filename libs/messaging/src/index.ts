export * from './message-bus.port';
export * from './open-message-bus';
export {
  createMemoryMessageBus,
  MemoryMessageBus,
  type MemoryMessageBusOptions,
} from './memory/memory-message-bus';
export { backoffDelayMs, resolveRetryPolicy } from './shared/retry-policy';
export { describeError, toDeadLetter } from './shared/dead-letter';
export { SqlInbox, type InboxOutcome, type SqlInboxOptions } from './inbox/sql-inbox';
export { createRedisMessageBus, RedisMessageBus } from './redis/redis-message-bus';
export type { RedisMessageBusOptions } from './redis/redis-bus-settings';
export { createPulsarMessageBus, type PulsarMessageBusOptions } from './pulsar/pulsar-message-bus';
export { PulsarClientMissingError } from './pulsar/load-pulsar-client';
