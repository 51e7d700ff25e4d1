export * from './service-call-errors';
export * from './service-client';
