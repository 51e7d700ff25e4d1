export * from './event-store.contract';
export * from './message-bus.contract';
export * from './cache.contract';
export * from './search-index.contract';
