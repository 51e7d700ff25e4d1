import { Module } from '@nestjs/common';
import { identityUserSignedUpTopic } from '@quizbook/contracts';
import { openCheckpointStore } from '@quizbook/database';
import { defineApp } from '@quizbook/platform';
import { startProfileInvalidation } from './features/get-my-profile/profile-invalidation';
import { recordCognitoSignUp } from './features/record-cognito-sign-up/record-cognito-sign-up';
import { startWelcomeEmailPublisher } from './features/welcome-email/welcome-email-publisher';
import { owaspArgon2Cost, PasswordHasher, type Argon2Cost } from './passwords/password-hasher';
import type { Clock } from './store/clock';
import { InProcessVerifier } from './tokens/in-process-verifier';
import { UserModule } from './user.module';
import type { UserServices } from './user-services';
import { USER_SERVICES } from './user-tokens';

export const cognitoSignUpGroup = 'user-service';

export interface UserAppOptions {
  /** Tests pass testOnlyArgon2Cost; everything else keeps the OWASP default. */
  passwordCost?: Argon2Cost;
  /** Tests move time to expire keys and tokens. */
  clock?: Clock;
}

/** One definition per call: each gets its own in-process verifier, so two user apps never share keys. */
export function createUserApp(options: UserAppOptions = {}) {
  const verifier = new InProcessVerifier();
  @Module({
    imports: [
      UserModule.forApp({
        verifier,
        passwords: new PasswordHasher(options.passwordCost ?? owaspArgon2Cost),
        ...(options.clock ? { clock: options.clock } : {}),
      }),
    ],
  })
  class UserAppModule {}

  return defineApp({
    name: 'user',
    module: UserAppModule,
    uses: ['eventStore', 'bus', 'readDb', 'cache'],
    async onStart({ nest, eventStore, bus, readDb, lifecycle, logger, config }) {
      const services = nest.get<UserServices>(USER_SERVICES);
      const logFailure = (what: string) => (err: unknown) =>
        logger.error({ err }, `${what} failed; retrying`);

      const welcome = await startWelcomeEmailPublisher({
        eventStore,
        bus,
        readDb,
        checkpoints: await openCheckpointStore(readDb),
        onError: logFailure('welcome email publisher'),
      });
      lifecycle.onShutdown('welcome email publisher', () => welcome.close());

      const invalidation = await startProfileInvalidation(
        eventStore,
        services.profiles,
        logFailure('profile invalidation'),
      );
      lifecycle.onShutdown('profile invalidation', () => invalidation.close());

      if (config.auth.mode === 'cognito') {
        const consumer = await bus.consume({
          topic: identityUserSignedUpTopic,
          group: cognitoSignUpGroup,
          handler: async (message) => {
            const outcome = await recordCognitoSignUp(services, message);
            logger.info({ messageId: message.id, outcome }, 'cognito sign-up');
          },
        });
        lifecycle.onShutdown('cognito sign-up consumer', () => consumer.close());
      }
    },
  });
}

export const userApp = createUserApp();
