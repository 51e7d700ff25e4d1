export * from './notification-messages';
