export * from './decider/decider';
export * from './decider/given-when-then';
export * from './environment/integration-services';
export * from './contracts';
export * from './apps';
export * from './environment/eventually';
