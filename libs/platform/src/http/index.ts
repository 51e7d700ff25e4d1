export * from './loggable-url';
export * from './problem-details';
export * from './problem-error';
export * from './problem-exception.filter';
export * from './request-hooks';
export * from './to-problem';
export * from './zod-validation';
export * from './public-route';
