import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { Jwk, Jwks } from 'aws-jwt-verify/jwk';

/*
 * Tokens for tests, built by hand with node:crypto so that specs can also forge the bad ones a real
 * issuer never would (alg none, HS256 keyed with the public key, tampered payloads).
 */

export type Claims = Record<string, unknown>;
export type JwtHeaderFields = Record<string, unknown>;

export interface TestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public half as published in a JWKS (`kid`, `alg: RS256`, `use: sig`). */
  publicJwk: Jwk;
}

export function generateSigningKey(kid: string = randomUUID()): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' });
  const publicJwk: Jwk = { kty: 'RSA', n: exported.n!, e: exported.e!, kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

export function jwksOf(...keys: TestSigningKey[]): Jwks {
  return { keys: keys.map((key) => key.publicJwk) };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function signingInput(header: JwtHeaderFields, payload: Claims): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
}

/** An RS256 token signed by `key`; `header` overrides or adds header fields (a forged kid, say). */
export function signToken(key: TestSigningKey, payload: Claims, header: JwtHeaderFields = {}): string {
  const input = signingInput({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, payload);
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey);
  return `${input}.${base64url(signature)}`;
}

/** HS256 with any secret: the classic confusion attack passes the issuer's public key as the secret. */
export function signHs256(secret: string | Buffer, payload: Claims, header: JwtHeaderFields = {}): string {
  const input = signingInput({ alg: 'HS256', typ: 'JWT', ...header }, payload);
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** `alg: none` with an empty signature. */
export function unsignedToken(payload: Claims, header: JwtHeaderFields = {}): string {
  return `${signingInput({ alg: 'none', typ: 'JWT', ...header }, payload)}.`;
}

/** The same token with its payload swapped for `changes` applied: the signature no longer matches. */
export function tamperWith(token: string, changes: Claims): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  return `${header}.${base64url(JSON.stringify({ ...claims, ...changes }))}.${signature}`;
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

export interface LocalIssuerSettings {
  issuer: string;
  audience: string;
}

/** The claims of a local access token as the user service issues them, valid for 15 minutes. */
export function localAccessClaims(settings: LocalIssuerSettings, overrides: Claims = {}): Claims {
  const now = nowInSeconds();
  return {
    sub: 'user-1',
    email: 'learner@example.com',
    roles: ['learner'],
    token_use: 'access',
    iss: settings.issuer,
    aud: settings.audience,
    iat: now,
    nbf: now,
    exp: now + 15 * 60,
    jti: randomUUID(),
    ...overrides,
  };
}

/** The issuer URL of a Cognito user pool, as Cognito writes it in `iss`. */
export function cognitoIssuerOf(userPoolId: string): string {
  const region = userPoolId.slice(0, userPoolId.indexOf('_'));
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** The claims of a Cognito access token (no email or aud: Cognito access tokens carry `client_id`). */
export function cognitoAccessClaims(
  pool: { userPoolId: string; clientId: string },
  overrides: Claims = {},
): Claims {
  const now = nowInSeconds();
  return {
    sub: 'cognito-sub-1',
    'cognito:groups': [],
    iss: cognitoIssuerOf(pool.userPoolId),
    client_id: pool.clientId,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    exp: now + 60 * 60,
    iat: now,
    jti: randomUUID(),
    username: 'cognito-user-1',
    ...overrides,
  };
}
