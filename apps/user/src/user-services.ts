import type { Cache } from '@quizbook/cache';
import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { AppConfig } from '@quizbook/platform';
import type { PasswordHasher } from './passwords/password-hasher';
import { ProfileCache } from './features/get-my-profile/profile-cache';
import { systemClock, type Clock } from './store/clock';
import { migrateUserTables } from './store/user-migrations';
import { AccessTokenSigner } from './tokens/access-token';
import { RefreshTokenStore } from './tokens/refresh-token-store';
import { SigningKeyStore } from './tokens/signing-key-store';

/** Everything the user features work with, built once per app start. */
export interface UserServices {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  passwords: PasswordHasher;
  keys: SigningKeyStore;
  signer: AccessTokenSigner;
  refreshTokens: RefreshTokenStore;
  profiles: ProfileCache;
  adminEmails: readonly string[];
  /** Local: this service issues tokens. Cognito: Cognito does, and registrations come from the bus. */
  authMode: AppConfig['auth']['mode'];
  clock: Clock;
}

export interface UserServiceDependencies {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  cache?: Cache;
  config: Pick<AppConfig, 'auth' | 'adminEmails'>;
  passwords: PasswordHasher;
  clock?: Clock;
}

/** Runs the user tables' migrations and makes sure a signing key exists before anything is served. */
export async function createUserServices(deps: UserServiceDependencies): Promise<UserServices> {
  const clock = deps.clock ?? systemClock;
  await migrateUserTables(deps.readDb);
  const keys = new SigningKeyStore(deps.readDb, clock);
  const { auth } = deps.config;
  if (auth.mode === 'local') await keys.ensureSigningKey();
  const issuer =
    auth.mode === 'local' ? { issuer: auth.issuer, audience: auth.audience } : { issuer: '', audience: '' };
  return {
    eventStore: deps.eventStore,
    readDb: deps.readDb,
    passwords: deps.passwords,
    keys,
    signer: new AccessTokenSigner(keys, issuer, clock),
    refreshTokens: new RefreshTokenStore(deps.readDb, clock),
    profiles: new ProfileCache(deps.cache),
    adminEmails: deps.config.adminEmails.map((email) => email.trim().toLowerCase()),
    authMode: auth.mode,
    clock,
  };
}
