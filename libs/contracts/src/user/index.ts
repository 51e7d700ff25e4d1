export * from './user-events';
export * from './email-reservation-events';
export * from './user-messages';
