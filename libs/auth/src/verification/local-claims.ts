import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { isRole, type Role } from '../roles';
import { InvalidTokenError } from './invalid-token-error';
import { requirePrincipalClaims } from './principal-claims';

/** The local issuer's access tokens: `token_use: 'access'` tells them from any other token it signs. */
export function checkLocalAccessClaims(payload: JwtPayload): void {
  if (payload.token_use !== 'access') throw new InvalidTokenError('wrong-token-use');
  requirePrincipalClaims(payload);
  if (!Array.isArray(payload.roles)) throw new InvalidTokenError('missing-claim');
}

/** The user service decides the roles; a name this build does not know grants nothing. */
export function localRoles(payload: JwtPayload): Role[] {
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  return [...new Set(claimed.filter(isRole))];
}
