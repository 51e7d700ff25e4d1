export * from './not-found-unless-owner';
