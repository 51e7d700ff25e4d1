import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AuthSettings } from '@quizbook/platform';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  nowInSeconds,
  signToken,
  type Claims,
} from '../testing/test-tokens';
import { createAccessTokenVerifier } from '../verification/access-token-verifier';
import { InvalidTokenError } from '../verification/invalid-token-error';
import { authenticateHandshake } from './authenticate-handshake';
import { BEARER_SUBPROTOCOL } from './handshake-token';

const settings: AuthSettings = {
  mode: 'local',
  issuer: 'urn:quizbook:user-service',
  audience: 'quizbook',
  jwksUri: 'http://in-process.invalid/.well-known/jwks.json',
};
const key = generateSigningKey();
const verifier = createAccessTokenVerifier(settings, { jwks: () => jwksOf(key) });
const token = (overrides: Claims = {}) => signToken(key, localAccessClaims(settings, overrides));

interface Outcome {
  status: number;
  headers: IncomingMessage['headers'];
}

/**
 * A real HTTP server doing what the live channel does on `upgrade`: authenticate the handshake,
 * then answer 101 (selecting the bearer subprotocol when offered) or refuse with 401.
 */
let server: Server;
let port: number;
// Upgraded sockets leave the server's bookkeeping, so closeAllConnections() cannot end them.
const upgraded = new Set<Duplex>();
beforeAll(async () => {
  server = createServer();
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    authenticateHandshake(request, verifier).then(
      (principal) => {
        const offered = request.headers['sec-websocket-protocol'];
        const protocol = offered ? `Sec-WebSocket-Protocol: ${BEARER_SUBPROTOCOL}\r\n` : '';
        socket.end(
          'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            `${protocol}X-User-Id: ${principal.userId}\r\n\r\n`,
        );
      },
      (error: unknown) => {
        const reason = error instanceof InvalidTokenError ? error.reason : 'unexpected';
        socket.end(`HTTP/1.1 401 Unauthorized\r\nX-Reason: ${reason}\r\nContent-Length: 0\r\n\r\n`);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const socket of upgraded) socket.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function connect(path: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const upgrade = httpRequest({
      host: '127.0.0.1',
      port,
      // A fresh connection per handshake, as a browser opens: no pooled socket the server already ended.
      agent: false,
      path,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    upgrade.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    upgrade.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    upgrade.on('error', reject);
    upgrade.end();
  });
}

describe('authenticateHandshake on a real upgrade request', () => {
  it('accepts the token in an Authorization header', async () => {
    const outcome = await connect('/api/live', { authorization: `Bearer ${token({ sub: 'by-header' })}` });
    expect(outcome).toMatchObject({ status: 101, headers: { 'x-user-id': 'by-header' } });
  });

  it('accepts the token offered as a subprotocol, the way browsers can send it', async () => {
    const outcome = await connect('/api/live', {
      'sec-websocket-protocol': `${BEARER_SUBPROTOCOL}, ${token({ sub: 'by-protocol' })}`,
    });
    expect(outcome).toMatchObject({
      status: 101,
      headers: { 'x-user-id': 'by-protocol', 'sec-websocket-protocol': 'bearer' },
    });
  });

  it('accepts the token in the access_token query parameter, beside other parameters', async () => {
    const outcome = await connect(`/api/live?after=42&access_token=${token({ sub: 'by-query' })}`);
    expect(outcome).toMatchObject({ status: 101, headers: { 'x-user-id': 'by-query' } });
  });

  it.each([
    ['no token anywhere', '/api/live', {}, 'missing'],
    ['an empty access_token', '/api/live?access_token=', {}, 'malformed'],
    [
      'the bearer subprotocol with no token after it',
      '/api/live',
      { 'sec-websocket-protocol': 'bearer' },
      'malformed',
    ],
    ['a Basic Authorization header', '/api/live', { authorization: 'Basic dXNlcjpwYXNz' }, 'malformed'],
    ['an expired token', `/api/live?access_token=${token({ exp: nowInSeconds() - 1 })}`, {}, 'expired'],
    [
      'a token signed by a stranger',
      `/api/live?access_token=${signToken(generateSigningKey(), localAccessClaims(settings))}`,
      {},
      'unknown-key',
    ],
    [
      'a forged token in the header despite a good one in the query',
      `/api/live?access_token=${token()}`,
      { authorization: 'Bearer forged' },
      'malformed',
    ],
  ])('refuses %s', async (_name, path, headers, reason) => {
    const outcome = await connect(path, headers as Record<string, string>);
    expect(outcome).toMatchObject({ status: 401, headers: { 'x-reason': reason } });
  });
});
