export * from './authenticate-handshake';
export * from './handshake-token';
export * from './token-expiry';
