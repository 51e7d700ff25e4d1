import { createAccessTokenVerifier, type AccessTokenVerifier, type Principal } from '@quizbook/auth';
import type { AuthSettings } from '@quizbook/platform';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { SigningKeyStore } from './signing-key-store';

/**
 * The verifier handed to AuthModule.forApp, which needs it when the module is declared, before the
 * read database is open. It is bound at start to the shared verification of libs/auth, reading the
 * keys from this app's own table: no HTTP call to itself, and a rotation is seen at once.
 */
export class InProcessVerifier implements AccessTokenVerifier {
  private bound: AccessTokenVerifier | undefined;

  bind(settings: AuthSettings, keys: SigningKeyStore): void {
    this.bound =
      settings.mode === 'local'
        ? createAccessTokenVerifier(settings, {
            jwks: async () => ({ keys: await keys.publishedKeys() }) as unknown as Jwks,
          })
        : createAccessTokenVerifier(settings);
  }

  verify(token: string): Promise<Principal> {
    if (!this.bound) throw new Error('the user app verifies tokens only once it has started');
    return this.bound.verify(token);
  }
}
