export * from './app';
export * from './config';
export * from './correlation';
export * from './health';
export * from './http';
export * from './lifecycle';
export * from './logging';
export * from './metrics';
