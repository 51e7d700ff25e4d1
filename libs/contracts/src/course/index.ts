export * from './course-events';
