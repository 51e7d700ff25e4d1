export * from './payment-events';
export * from './stripe-inbox-events';
export * from './payment-messages';
