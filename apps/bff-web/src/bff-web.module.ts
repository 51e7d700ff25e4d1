import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '@quizbook/auth';
import type { Cache } from '@quizbook/cache';
import { CACHE, LOGGER } from '@quizbook/platform';
import type { Logger } from 'pino';
import { RateLimiter } from './edge/rate-limit/rate-limiter';
import { UserRateLimitInterceptor } from './edge/rate-limit/user-rate-limit.interceptor';
import { AdminUsersController } from './features/admin-users/admin-users.controller';
import { AuthController } from './features/auth/auth.controller';
import { JwksController } from './features/jwks/jwks.controller';
import { MeController } from './features/me/me.controller';
import { UserServiceClient } from './upstream/user-service.client';

/** The one public API of the SPA: validates at the edge, then relays to the services. */
@Module({
  // Verifies every bearer token here, so the per-user limit and the docs' security are real.
  imports: [AuthModule.forApp()],
  controllers: [AuthController, MeController, AdminUsersController, JwksController],
  providers: [
    UserServiceClient,
    {
      provide: RateLimiter,
      useFactory: (cache: Cache, logger: Logger) => new RateLimiter(cache, logger),
      inject: [CACHE, LOGGER],
    },
    { provide: APP_INTERCEPTOR, useClass: UserRateLimitInterceptor },
  ],
})
export class BffWebModule {}
