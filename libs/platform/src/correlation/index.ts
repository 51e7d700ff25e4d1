export * from './correlation-context';
export * from './with-correlation';
export * from './correlated-event-store';
export * from './correlated-message-bus';
