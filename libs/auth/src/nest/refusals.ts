import { unauthorized, type ProblemError } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { InvalidTokenReason } from '../verification/invalid-token-error';

// RFC 6750 section 3: a 401 names the scheme; `invalid_token` tells a client to refresh, not re-login.
const realm = 'Bearer realm="quizbook"';

/** A 401 problem, with the WWW-Authenticate challenge set on the reply the problem filter will send. */
export function unauthenticated(reply: FastifyReply, reason: InvalidTokenReason): ProblemError {
  if (reason === 'missing') {
    void reply.header('www-authenticate', realm);
    return unauthorized('Authentication is required.');
  }
  void reply.header('www-authenticate', `${realm}, error="invalid_token"`);
  return unauthorized('The access token is invalid or has expired.', { type: 'invalid-token' });
}
