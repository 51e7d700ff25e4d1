import type { AuthSettings } from '@quizbook/platform';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import type { Jwks, JwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Principal } from '../principal';
import type { Role } from '../roles';
import { rolesFromCognitoGroups } from './cognito-roles';
import { httpJwksCache, jwksCacheFrom, type JwksSource } from './jwks-sources';
import { checkLocalAccessClaims, localRoles } from './local-claims';
import { principalOf, requirePrincipalClaims } from './principal-claims';
import { asInvalidToken } from './refusal-reason';
import { requireRs256 } from './require-rs256';

/** Turns a bearer token into the caller, or throws InvalidTokenError. Create one per app: it caches keys. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Principal>;
}

export interface AccessTokenVerifierOptions {
  /** Replaces where keys come from; wins over `jwks`. */
  jwksCache?: JwksCache;
  /** The issuing app's own public keys, so the user service verifies its tokens without calling itself. */
  jwks?: JwksSource;
  /**
   * Keys cached before the first token arrives (aws-jwt-verify's `cacheJwks`): saves the first fetch,
   * or stands in for an issuer this process cannot reach. Unknown kids are still fetched.
   */
  initialJwks?: Jwks;
}

interface JwtVerifierLike {
  verify(token: string): Promise<JwtPayload>;
  cacheJwks(jwks: Jwks): void;
}

export function createAccessTokenVerifier(
  settings: AuthSettings,
  options: AccessTokenVerifierOptions = {},
): AccessTokenVerifier {
  const cache = options.jwksCache ?? (options.jwks ? jwksCacheFrom(options.jwks) : undefined);
  const { jwt, rolesOf } = settings.mode === 'local' ? local(settings, cache) : cognito(settings, cache);
  if (options.initialJwks) jwt.cacheJwks(options.initialJwks);

  return {
    async verify(token: string): Promise<Principal> {
      try {
        requireRs256(token);
        const payload = await jwt.verify(token);
        return principalOf(payload, token, rolesOf(payload));
      } catch (error) {
        throw asInvalidToken(error);
      }
    },
  };
}

type Built = { jwt: JwtVerifierLike; rolesOf: (payload: JwtPayload) => Role[] };

function local(settings: Extract<AuthSettings, { mode: 'local' }>, cache: JwksCache | undefined): Built {
  const jwt = JwtVerifier.create(
    {
      issuer: settings.issuer,
      audience: settings.audience,
      jwksUri: settings.jwksUri,
      customJwtCheck: ({ payload }) => checkLocalAccessClaims(payload),
    },
    { jwksCache: cache ?? httpJwksCache() },
  );
  return { jwt, rolesOf: localRoles };
}

function cognito(settings: Extract<AuthSettings, { mode: 'cognito' }>, cache: JwksCache | undefined): Built {
  // Cognito's JWKS is https, so aws-jwt-verify's own cache and fetcher serve unless told otherwise.
  const jwt = CognitoJwtVerifier.create(
    {
      userPoolId: settings.userPoolId,
      tokenUse: 'access',
      clientId: settings.clientId,
      customJwtCheck: ({ payload }) => requirePrincipalClaims(payload),
    },
    cache ? { jwksCache: cache } : undefined,
  );
  return { jwt, rolesOf: (payload) => rolesFromCognitoGroups(payload['cognito:groups']) };
}
