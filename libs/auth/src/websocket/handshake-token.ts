import type { IncomingMessage } from 'node:http';
import { bearerTokenOf } from '../verification/bearer-token';
import { InvalidTokenError } from '../verification/invalid-token-error';

/**
 * The subprotocol a browser offers with its token (`new WebSocket(url, ['bearer', token])`), since
 * browsers cannot set Authorization on a WebSocket. The server must select it in its 101 answer
 * (`Sec-WebSocket-Protocol: bearer`), or the browser drops the connection.
 */
export const BEARER_SUBPROTOCOL = 'bearer';

export const ACCESS_TOKEN_QUERY_PARAMETER = 'access_token';

/**
 * The token of a WebSocket upgrade request, looked for in this order: `Authorization: Bearer`,
 * `Sec-WebSocket-Protocol: bearer, <token>`, `?access_token=`. The first place present decides; a
 * malformed one is refused rather than skipped.
 */
export function handshakeTokenOf(request: IncomingMessage): string {
  if (request.headers.authorization !== undefined) return bearerTokenOf(request.headers.authorization);
  const offered = subprotocolsOf(request);
  const marker = offered.findIndex((protocol) => protocol.toLowerCase() === BEARER_SUBPROTOCOL);
  if (marker !== -1) {
    const token = offered[marker + 1];
    if (!token) throw new InvalidTokenError('malformed');
    return token;
  }
  const query = new URL(request.url ?? '/', 'http://handshake.invalid').searchParams;
  if (query.has(ACCESS_TOKEN_QUERY_PARAMETER)) {
    const token = query.get(ACCESS_TOKEN_QUERY_PARAMETER);
    if (!token) throw new InvalidTokenError('malformed');
    return token;
  }
  throw new InvalidTokenError('missing');
}

function subprotocolsOf(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  if (!header) return [];
  return header
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol !== '');
}
