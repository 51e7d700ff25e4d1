import { Controller, Get, Module } from '@nestjs/common';
import { defineApp, Public } from '@quizbook/platform';
import { localTokenIssuer, startTestApp, TestTokenIssuer, type TestApps } from '@quizbook/testing';
import type { Principal } from '../principal';
import type { JwksServer } from '../testing/jwks-server';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  nowInSeconds,
  signHs256,
  signToken,
  tamperWith,
  unsignedToken,
  type Claims,
} from '../testing/test-tokens';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { Roles } from './roles.decorator';

@Controller('probe')
class ProbeController {
  @Get('me')
  me(@CurrentPrincipal() me: Principal) {
    return { userId: me.userId, email: me.email, roles: me.roles };
  }

  @Roles('admin')
  @Get('admin')
  admin() {
    return { admin: true };
  }

  @Public()
  @Get('open')
  open(@CurrentPrincipal({ optional: true }) me: Principal | undefined) {
    return { userId: me?.userId ?? null };
  }
}

@Module({ imports: [AuthModule.forApp()], controllers: [ProbeController] })
class ProbeModule {}

const probeApp = defineApp({ name: 'bff-web', module: ProbeModule, uses: [] });
const claims = (overrides: Claims = {}) => localAccessClaims(localTokenIssuer, overrides);

// The issuer's JWKS double stands in for the user app: jwksUri is `${USER_SERVICE_URL}/.well-known/jwks.json`.
async function startProbe(issuer: TestTokenIssuer): Promise<TestApps> {
  return startTestApp(probeApp, { env: { USER_SERVICE_URL: await issuer.start() } });
}

function call(app: TestApps, path: string, authorization?: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: authorization ? { authorization } : {} });
}
const bearer = (token: string) => `Bearer ${token}`;

describe('AccessTokenGuard over HTTP (local issuer, JWKS from a real server)', () => {
  const issuer = new TestTokenIssuer('key-1');
  const { key } = issuer;
  let jwks: JwksServer;
  let app: TestApps;

  beforeAll(async () => {
    app = await startProbe(issuer);
    jwks = issuer.jwks;
  });
  afterAll(async () => {
    await app?.close();
    await issuer.close();
  });

  it('lets a valid access token through and hands the handler its principal', async () => {
    const token = signToken(key, claims({ sub: 'user-7', email: 'seven@example.com', roles: ['learner'] }));
    const response = await call(app, '/probe/me', bearer(token));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: 'user-7',
      email: 'seven@example.com',
      roles: ['learner'],
    });
  });

  it('answers a learner on an admin route with a 403 problem', async () => {
    const response = await call(app, '/probe/admin', bearer(signToken(key, claims({ roles: ['learner'] }))));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 403, type: 'urn:quizbook:problem:forbidden' });
  });

  it('lets an admin on the admin route', async () => {
    const response = await call(app, '/probe/admin', bearer(signToken(key, claims({ roles: ['admin'] }))));
    expect(response.status).toBe(200);
  });

  it('serves public routes without a token, and with one knows the caller', async () => {
    const anonymous = await call(app, '/probe/open');
    expect(await anonymous.json()).toEqual({ userId: null });
    const signedIn = await call(app, '/probe/open', bearer(signToken(key, claims({ sub: 'user-9' }))));
    expect(await signedIn.json()).toEqual({ userId: 'user-9' });
  });

  it('treats a bad token on a public route as an anonymous caller', async () => {
    const expired = signToken(key, claims({ exp: nowInSeconds() - 60 }));
    const response = await call(app, '/probe/open', bearer(expired));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: null });
  });

  it("honours the platform's own public routes (health)", async () => {
    expect((await call(app, '/health/live')).status).toBe(200);
  });

  const now = nowInSeconds();
  const publicPem = key.publicKey.export({ type: 'spki', format: 'pem' });
  const attacks: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['a Basic header', () => 'Basic dXNlcjpwYXNz'],
    ['Bearer with nothing after it', () => 'Bearer'],
    ['two tokens', () => `Bearer ${signToken(key, claims())} ${signToken(key, claims())}`],
    ['a token without the Bearer scheme', () => signToken(key, claims())],
    ['a token that is not a JWT', () => 'Bearer not.a.jwt'],
    ['an expired token', () => bearer(signToken(key, claims({ iat: now - 7200, exp: now - 3600 })))],
    ['a token not valid yet (nbf in the future)', () => bearer(signToken(key, claims({ nbf: now + 3600 })))],
    ['a token from another issuer', () => bearer(signToken(key, claims({ iss: 'https://evil.example' })))],
    ['a token for another audience', () => bearer(signToken(key, claims({ aud: 'another-app' })))],
    ['a tampered payload', () => bearer(tamperWith(signToken(key, claims()), { roles: ['admin'] }))],
    ['alg none', () => bearer(unsignedToken(claims({ roles: ['admin'] }), { kid: key.kid }))],
    ['HS256 keyed with the RSA public key', () => bearer(signHs256(publicPem, claims(), { kid: key.kid }))],
    ['a token whose token_use is not access', () => bearer(signToken(key, claims({ token_use: 'refresh' })))],
  ];

  it.each(attacks)('refuses %s with a 401 problem and a Bearer challenge', async (_name, header) => {
    const response = await call(app, '/probe/me', header());

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="quizbook"/);
    const body = (await response.json()) as Record<string, unknown>;
    // Every refusal reads the same to the client: nothing tells which check failed.
    const { instance, correlationId, ...rest } = body;
    expect(instance).toBe('/probe/me');
    expect(typeof correlationId).toBe('string');
    expect([
      {
        type: 'urn:quizbook:problem:unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'Authentication is required.',
      },
      {
        type: 'urn:quizbook:problem:invalid-token',
        title: 'Unauthorized',
        status: 401,
        detail: 'The access token is invalid or has expired.',
      },
    ]).toContainEqual(rest);
  });

  it('logs why a token was refused, for operators rather than clients', async () => {
    const response = await call(app, '/probe/me', bearer(signToken(key, claims({ aud: 'another-app' }))));
    expect(response.status).toBe(401);
    const correlationId = response.headers.get('x-correlation-id') ?? undefined;
    expect(app.logs.find({ msg: 'access token refused', correlationId })).toMatchObject([
      { reason: 'wrong-audience', path: '/probe/me' },
    ]);
  });

  it('refetches the JWKS once for an unknown kid, then refuses; a second stranger waits out the penalty box', async () => {
    expect((await call(app, '/probe/me', bearer(signToken(key, claims())))).status).toBe(200);
    const before = jwks.fetches;

    const stranger = await call(
      app,
      '/probe/me',
      bearer(signToken(generateSigningKey('stranger'), claims())),
    );
    expect(stranger.status).toBe(401);
    expect(jwks.fetches).toBe(before + 1);

    const another = await call(app, '/probe/me', bearer(signToken(generateSigningKey('another'), claims())));
    expect(another.status).toBe(401);
    expect(jwks.fetches).toBe(before + 1);

    // Known keys keep working meanwhile.
    expect((await call(app, '/probe/me', bearer(signToken(key, claims())))).status).toBe(200);
  });
});

describe('AccessTokenGuard across a key rotation', () => {
  const issuer = new TestTokenIssuer('2024-old');
  const oldKey = issuer.key;
  const newKey = generateSigningKey('2025-new');
  let jwks: JwksServer;
  let app: TestApps;

  beforeAll(async () => {
    app = await startProbe(issuer);
    jwks = issuer.jwks;
  });
  afterAll(async () => {
    await app?.close();
    await issuer.close();
  });

  it('verifies a token under a kid published after the verifier cached the old set, and old tokens still', async () => {
    expect((await call(app, '/probe/me', bearer(signToken(oldKey, claims())))).status).toBe(200);
    expect(jwks.fetches).toBe(1);

    jwks.publish(jwksOf(oldKey, newKey));
    const fresh = await call(app, '/probe/me', bearer(signToken(newKey, claims({ sub: 'rotated' }))));
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ userId: 'rotated' });
    expect(jwks.fetches).toBe(2);

    const old = await call(app, '/probe/me', bearer(signToken(oldKey, claims({ sub: 'still-old' }))));
    expect(old.status).toBe(200);
    expect(await old.json()).toMatchObject({ userId: 'still-old' });
    expect(jwks.fetches).toBe(2);
  });
});
