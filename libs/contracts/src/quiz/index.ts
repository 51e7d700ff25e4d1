export * from './question';
export * from './quiz-settings';
export * from './quiz-events';
export * from './question-bank-events';
export * from './attempt-events';
export * from './quiz-messages';
export * from './live-messages';
