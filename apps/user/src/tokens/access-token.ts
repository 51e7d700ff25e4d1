import { randomUUID, sign } from 'node:crypto';
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
