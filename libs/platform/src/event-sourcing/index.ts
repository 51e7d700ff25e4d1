export * from './clock';
export * from './event-sourced-streams';
