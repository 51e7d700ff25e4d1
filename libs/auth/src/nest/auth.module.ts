import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@quizbook/platform';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../verification/access-token-verifier';
import type { JwksSource } from '../verification/jwks-sources';
import { AccessTokenGuard } from './access-token.guard';
import { ACCESS_TOKEN_VERIFIER } from './tokens';

export interface AuthModuleOptions {
  /** A ready verifier (the user service's, reading its own keys); otherwise built from APP_CONFIG. */
  verifier?: AccessTokenVerifier;
  /** With no `verifier`: the issuing app's own keys instead of fetching the JWKS over HTTP. */
  jwks?: JwksSource;
}

@Module({})
export class AuthModule {
  /** Import once in the app's root module: the verifier and the global guard. */
  static forApp(options: AuthModuleOptions = {}): DynamicModule {
    const verifier: Provider = options.verifier
      ? { provide: ACCESS_TOKEN_VERIFIER, useValue: options.verifier }
      : {
          provide: ACCESS_TOKEN_VERIFIER,
          useFactory: (config: AppConfig) => createAccessTokenVerifier(config.auth, { jwks: options.jwks }),
          inject: [APP_CONFIG],
        };
    return {
      module: AuthModule,
      global: true,
      providers: [verifier, { provide: APP_GUARD, useClass: AccessTokenGuard }],
      exports: [ACCESS_TOKEN_VERIFIER],
    };
  }
}
