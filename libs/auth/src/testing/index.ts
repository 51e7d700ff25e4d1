export * from './jwks-server';
export * from './test-tokens';
