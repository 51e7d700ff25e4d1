import { InvalidTokenError } from './invalid-token-error';

// RFC 6750 token68 characters; a JWT is three base64url parts joined by dots.
const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The token of an `Authorization: Bearer <token>` header. Absent -> `missing`; present in any other
 * shape (Basic, two tokens, nothing after Bearer) -> `malformed`, never guessed at.
 */
export function bearerTokenOf(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') throw new InvalidTokenError('missing');
  if (Array.isArray(authorization)) throw new InvalidTokenError('malformed');
  const match = bearer.exec(authorization.trim());
  if (!match) throw new InvalidTokenError('malformed');
  return match[1]!;
}
