export * from './message-bus.port';
export * from './open-message-bus';
export {
  createMemoryMessageBus,
  MemoryMessageBus,
  type MemoryMessageBusOptions,
} from './memory/memory-message-bus';
export { backoffDelayMs, resolveRetryPolicy } from './shared/retry-policy';
export { describeError, toDeadLetter } from './shared/dead-letter';
