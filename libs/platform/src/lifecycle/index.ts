export * from './app-lifecycle';
export * from './fatal-errors';
export * from './polling-loop';
export * from './resource-registry';
export * from './shutdown-signals';
