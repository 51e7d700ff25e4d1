import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import type { Cache } from '@quizbook/cache';
import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { APP_CONFIG, CACHE, EVENT_STORE, READ_DATABASE, type AppConfig } from '@quizbook/platform';
import { GetMyProfileController } from './features/get-my-profile/get-my-profile.controller';
import { GrantRoleController } from './features/grant-role/grant-role.controller';
import { LogInController } from './features/log-in/log-in.controller';
import { LogOutController } from './features/log-out/log-out.controller';
import { JwksController } from './features/publish-jwks/jwks.controller';
import { RefreshSessionController } from './features/refresh-session/refresh-session.controller';
import { RegisterUserController } from './features/register-user/register-user.controller';
import { RevokeRoleController } from './features/revoke-role/revoke-role.controller';
import { RotateSigningKeyController } from './features/rotate-signing-key/rotate-signing-key.controller';
import type { PasswordHasher } from './passwords/password-hasher';
import type { Clock } from './store/clock';
import type { InProcessVerifier } from './tokens/in-process-verifier';
import { createUserServices } from './user-services';
import { USER_SERVICES } from './user-tokens';

export interface UserModuleOptions {
  verifier: InProcessVerifier;
  passwords: PasswordHasher;
  clock?: Clock;
}

/** Identity, roles and profiles: `user-<id>` streams, the local JWT issuer, refresh tokens. */
@Module({})
export class UserModule {
  static forApp(options: UserModuleOptions): DynamicModule {
    return {
      module: UserModule,
      imports: [AuthModule.forApp({ verifier: options.verifier })],
      controllers: [
        RegisterUserController,
        LogInController,
        RefreshSessionController,
        LogOutController,
        GetMyProfileController,
        GrantRoleController,
        RevokeRoleController,
        RotateSigningKeyController,
        JwksController,
      ],
      providers: [
        {
          provide: USER_SERVICES,
          inject: [EVENT_STORE, READ_DATABASE, CACHE, APP_CONFIG],
          useFactory: async (
            eventStore: EventStore,
            readDb: AnySqlDatabase,
            cache: Cache,
            config: AppConfig,
          ) => {
            const services = await createUserServices({
              eventStore,
              readDb,
              cache,
              config,
              passwords: options.passwords,
              ...(options.clock ? { clock: options.clock } : {}),
            });
            options.verifier.bind(config.auth, services.keys);
            return services;
          },
        },
      ],
    };
  }
}
