export * from './contract';
export * from './user';
export * from './course';
export * from './order';
export * from './notification';
export * from './payment';
export * from './quiz';
