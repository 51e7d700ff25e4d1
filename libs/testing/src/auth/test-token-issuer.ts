import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  nowInSeconds,
  signToken,
  startJwksServer,
  type Claims,
  type JwksServer,
  type Role,
  type TestSigningKey,
} from '@quizbook/auth';

/** The defaults of AUTH_LOCAL_ISSUER and AUTH_AUDIENCE: what every app verifies in local mode. */
export const localTokenIssuer = { issuer: 'urn:quizbook:user-service', audience: 'quizbook' };

export interface TokenOptions {
  /** `['learner']` unless given. */
  roles?: Role[];
  /** From now; negative for a token that has already expired. 15 minutes unless given. */
  expiresInSeconds?: number;
}

/**
 * Signs access tokens as the user service would, with a key published by a JWKS double standing in
 * for it: `start()` answers the double's URL, to be used as USER_SERVICE_URL.
 */
export class TestTokenIssuer {
  readonly key: TestSigningKey;
  #jwks: JwksServer | undefined;

  constructor(kid?: string) {
    this.key = generateSigningKey(kid);
  }

  async start(): Promise<string> {
    this.#jwks = await startJwksServer(jwksOf(this.key));
    return this.#jwks.url;
  }

  /** The running JWKS double: how often it was fetched, or a rotation to publish. */
  get jwks(): JwksServer {
    if (!this.#jwks) throw new Error('the issuer has not been started');
    return this.#jwks;
  }

  /** The claims of a valid local access token, with `overrides` applied (a wrong `aud`, say). */
  claims(overrides: Claims = {}): Claims {
    return localAccessClaims(localTokenIssuer, overrides);
  }

  /** A token for `userId` (email `<userId>@example.com`); the second argument is its roles or options. */
  tokenFor(userId: string, rolesOrOptions: Role[] | TokenOptions = {}): string {
    const options = Array.isArray(rolesOrOptions) ? { roles: rolesOrOptions } : rolesOrOptions;
    return signToken(
      this.key,
      this.claims({
        sub: userId,
        email: `${userId}@example.com`,
        roles: options.roles ?? ['learner'],
        ...(options.expiresInSeconds === undefined ? {} : { exp: nowInSeconds() + options.expiresInSeconds }),
      }),
    );
  }

  /** Well-formed, but signed by a key the JWKS does not hold. */
  strangerToken(userId: string): string {
    return signToken(generateSigningKey(), this.claims({ sub: userId }));
  }

  close(): Promise<void> {
    return this.#jwks?.close() ?? Promise.resolve();
  }
}
