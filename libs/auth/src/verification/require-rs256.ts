import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { InvalidTokenError } from './invalid-token-error';

/**
 * Refuses any other algorithm before a key is even looked up: `none`, HS256 keyed with our public
 * key, and the RSA/EC variants aws-jwt-verify would otherwise accept.
 */
export function requireRs256(token: string): void {
  const { header } = decomposeUnverifiedJwt(token);
  if (header.alg !== 'RS256') throw new InvalidTokenError('algorithm-not-allowed');
}
