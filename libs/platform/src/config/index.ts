export * from './app-names';
export * from './app-config';
export * from './config-error';
export * from './configuration-doc';
export * from './load-config';
export * from './setting-schemas';
export * from './settings';
