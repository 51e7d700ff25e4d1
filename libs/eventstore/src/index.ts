export * from './event-store.port';
export * from './errors';
export * from './category';
export * from './expected-revision';
export * from './open-event-store';
export { SubscriptionClosedError, type RetryBackoff } from './subscription-lifecycle';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store';
// Type only: the EventStoreDB client is loaded lazily by openEventStore.
export type { EsdbEventStore } from './esdb/esdb-event-store';
export * from './deterministic-id';
