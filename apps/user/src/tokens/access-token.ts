import { randomUUID, sign, verify } from 'node:crypto';
import type { UserRole } from '@quizbook/contracts';
import { systemClock, type Clock } from '../store/clock';
import type { SigningKeyStore } from './signing-key-store';
import { accessTokenTtlSeconds } from './token-settings';

export interface IssuerSettings {
  issuer: string;
  audience: string;
}

export interface AccessTokenSubject {
  userId: string;
  email: string;
  roles: readonly UserRole[];
}

export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: UserRole[];
  token_use: 'access';
  iss: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export class AccessTokenSigner {
  constructor(
    private readonly keys: SigningKeyStore,
    private readonly settings: IssuerSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  async sign(subject: AccessTokenSubject): Promise<{ token: string; expiresIn: number }> {
    const key = await this.keys.currentSigningKey();
    const now = epochSeconds(this.clock());
    const claims: AccessTokenClaims = {
      sub: subject.userId,
      email: subject.email,
      roles: [...subject.roles],
      token_use: 'access',
      iss: this.settings.issuer,
      aud: this.settings.audience,
      iat: now,
      nbf: now,
      exp: now + accessTokenTtlSeconds,
      jti: randomUUID(),
    };
    const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
    const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
    return { token: `${signingInput}.${signature}`, expiresIn: accessTokenTtlSeconds };
  }
}

export class InvalidAccessTokenError extends Error {
  override readonly name = 'InvalidAccessTokenError';
}

/**
 * Verifies the tokens this service signed against its own key table: the user app cannot fetch its
 * own JWKS over HTTP while it starts, and needs no network hop for it anyway.
 */
export class LocalAccessTokenVerifier {
  constructor(
    private readonly keys: SigningKeyStore,
    private readonly settings: IssuerSettings,
    private readonly clock: Clock = systemClock,
    /** Tolerated clock difference between instances, in seconds. */
    private readonly leewaySeconds = 30,
  ) {}

  async verify(token: string): Promise<AccessTokenClaims> {
    const [encodedHeader, encodedClaims, signature, ...rest] = token.split('.');
    if (!encodedHeader || !encodedClaims || !signature || rest.length > 0)
      throw new InvalidAccessTokenError('not a JWT');
    const header = decode(encodedHeader) as { alg?: unknown; kid?: unknown };
    // Only RS256: never let the token pick its own algorithm (alg=none, HS256 with the public key).
    if (header.alg !== 'RS256' || typeof header.kid !== 'string')
      throw new InvalidAccessTokenError('unexpected algorithm or key id');
    const key = await this.keys.publicKey(header.kid);
    if (!key) throw new InvalidAccessTokenError('unknown signing key');
    const signed = verify(
      'sha256',
      Buffer.from(`${encodedHeader}.${encodedClaims}`),
      key,
      Buffer.from(signature, 'base64url'),
    );
    if (!signed) throw new InvalidAccessTokenError('bad signature');
    const claims = decode(encodedClaims) as Partial<AccessTokenClaims>;
    const now = epochSeconds(this.clock());
    if (claims.iss !== this.settings.issuer) throw new InvalidAccessTokenError('wrong issuer');
    if (claims.aud !== this.settings.audience) throw new InvalidAccessTokenError('wrong audience');
    if (claims.token_use !== 'access') throw new InvalidAccessTokenError('not an access token');
    if (typeof claims.exp !== 'number' || claims.exp + this.leewaySeconds <= now)
      throw new InvalidAccessTokenError('expired');
    if (typeof claims.nbf === 'number' && claims.nbf - this.leewaySeconds > now)
      throw new InvalidAccessTokenError('not yet valid');
    if (typeof claims.sub !== 'string') throw new InvalidAccessTokenError('no subject');
    return claims as AccessTokenClaims;
  }
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidAccessTokenError('malformed JWT');
  }
}
