export * from './log-recorder';
export * from './start-test-app';
