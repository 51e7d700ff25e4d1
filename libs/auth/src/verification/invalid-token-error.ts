/** Why a token was refused: safe to log (no claim values, no token), never sent to the client. */
export type InvalidTokenReason =
  | 'missing'
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'bad-signature'
  | 'unknown-key'
  | 'keys-unavailable'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'wrong-token-use'
  | 'missing-claim'
  | 'invalid';

/**
 * The one error every refused token becomes, whatever the cause, so callers have a single thing to
 * catch and clients learn nothing about which check failed.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(readonly reason: InvalidTokenReason) {
    super(`access token refused: ${reason}`);
  }
}
