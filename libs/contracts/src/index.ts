export * from './contract';
export * from './user';
