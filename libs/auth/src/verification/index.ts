export * from './access-token-verifier';
export * from './bearer-token';
export * from './cognito-roles';
export * from './invalid-token-error';
export * from './jwks-sources';
