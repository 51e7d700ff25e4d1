export * from './bootstrap';
export * from './define-app';
export * from './open-dependencies';
export * from './platform.module';
export * from './run-app';
export * from './tokens';
