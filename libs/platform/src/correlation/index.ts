export * from './correlation-context';
export * from './with-correlation';
