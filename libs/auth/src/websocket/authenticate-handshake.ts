import type { IncomingMessage } from 'node:http';
import type { Principal } from '../principal';
import type { AccessTokenVerifier } from '../verification/access-token-verifier';
import { handshakeTokenOf } from './handshake-token';

/**
 * Nest guards do not run when a WebSocket connects, so the live channel calls this on the upgrade
 * request and refuses the upgrade (401) on InvalidTokenError, before any message flows.
 */
export async function authenticateHandshake(
  request: IncomingMessage,
  verifier: AccessTokenVerifier,
): Promise<Principal> {
  return verifier.verify(handshakeTokenOf(request));
}
