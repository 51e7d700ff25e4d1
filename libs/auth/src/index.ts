export * from './principal';
export * from './roles';
export * from './verification';
export * from './nest';
export * from './ownership';
export * from './websocket';
export * from './service-calls';
export * from './testing';
