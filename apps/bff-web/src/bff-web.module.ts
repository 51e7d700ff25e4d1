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
import { EnrollmentsController } from './features/enrollments/enrollments.controller';
import { CartController } from './features/cart/cart.controller';
import { CheckoutController } from './features/checkout/checkout.controller';
import { CatalogController } from './features/courses/catalog.controller';
import { ManageCoursesController } from './features/courses/manage-courses.controller';
import { JwksController } from './features/jwks/jwks.controller';
import { LiveDocsController } from './live/live-docs.controller';
import { MeController } from './features/me/me.controller';
import { OrdersController } from './features/orders/orders.controller';
import { quizControllers } from './features/quizzes/quiz-controllers';
import { CourseServiceClient } from './upstream/course-service.client';
import { ProjectionServiceClient } from './upstream/projection-service.client';
import { PaymentServiceClient } from './upstream/payment-service.client';
import { QuizResultServiceClient } from './upstream/quiz-result-service.client';
import { QuizServiceClient } from './upstream/quiz-service.client';
import { UserServiceClient } from './upstream/user-service.client';

/** The one public API of the SPA: validates at the edge, then relays to the services. */
@Module({
  // Verifies every bearer token here, so the per-user limit and the docs' security are real.
  imports: [AuthModule.forApp()],
  controllers: [
    AuthController,
    MeController,
    AdminUsersController,
    JwksController,
    CatalogController,
    ManageCoursesController,
    CartController,
    OrdersController,
    CheckoutController,
    EnrollmentsController,
    ...quizControllers,
    LiveDocsController,
  ],
  providers: [
    UserServiceClient,
    CourseServiceClient,
    PaymentServiceClient,
    ProjectionServiceClient,
    QuizServiceClient,
    QuizResultServiceClient,
    {
      provide: RateLimiter,
      useFactory: (cache: Cache, logger: Logger) => new RateLimiter(cache, logger),
      inject: [CACHE, LOGGER],
    },
    { provide: APP_INTERCEPTOR, useClass: UserRateLimitInterceptor },
  ],
})
export class BffWebModule {}
