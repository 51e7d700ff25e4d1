import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Principal } from '../principal';
import type { Role } from '../roles';
import { InvalidTokenError } from './invalid-token-error';

/** Claims both issuers must carry for a token to stand for a caller. */
export function requirePrincipalClaims(payload: JwtPayload): void {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('missing-claim');
  // aws-jwt-verify accepts a token without exp; ours never expire silently.
  if (typeof payload.exp !== 'number') throw new InvalidTokenError('missing-claim');
}

export function principalOf(payload: JwtPayload, token: string, roles: Role[]): Principal {
  return {
    userId: payload.sub as string,
    email: typeof payload.email === 'string' ? payload.email : undefined,
    roles,
    token,
    expiresAt: payload.exp as number,
  };
}
