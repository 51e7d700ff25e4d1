export * from './app-lifecycle';
export * from './resource-registry';
export * from './shutdown-signals';
