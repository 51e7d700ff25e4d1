import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import type { Cache } from '@quizbook/cache';
import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { APP_CONFIG, CACHE, EVENT_STORE, READ_DATABASE, type AppConfig } from '@quizbook/platform';
import type { Clock } from '@quizbook/platform';
import { createCourseServices } from './course-services';
import { COURSE_SERVICES } from './course-tokens';
import { ArchiveCourseController } from './features/archive-course/archive-course.controller';
import { CancelOrderController } from './features/cancel-order/cancel-order.controller';
import { CartController } from './features/cart/cart.controller';
import { DraftCourseController } from './features/draft-course/draft-course.controller';
import { EditCourseController } from './features/edit-course/edit-course.controller';
import { ListOrdersController } from './features/list-orders/list-orders.controller';
import { PlaceOrderController } from './features/place-order/place-order.controller';
import { PublishCourseController } from './features/publish-course/publish-course.controller';
import { ViewOrderController } from './features/view-order/view-order.controller';

export interface CourseModuleOptions {
  clock?: Clock;
  /**
   * CATALOG: the catalog reads (`GET /courses`, `GET /courses/:id`) live in features/catalog and
   * come in as their own Nest module; course.app.ts passes it here to mount its routes.
   */
  catalog?: Type<unknown> | DynamicModule;
}

/** Catalog, seats, cart and order placement: `course-<id>` and `order-<id>` streams. */
@Module({})
export class CourseModule {
  static forApp(options: CourseModuleOptions = {}): DynamicModule {
    return {
      module: CourseModule,
      imports: [AuthModule.forApp(), ...(options.catalog ? [options.catalog] : [])],
      controllers: [
        DraftCourseController,
        EditCourseController,
        PublishCourseController,
        ArchiveCourseController,
        CartController,
        // Before ViewOrderController: `GET /orders` must not be taken for `GET /orders/:id`.
        ListOrdersController,
        PlaceOrderController,
        ViewOrderController,
        CancelOrderController,
      ],
      providers: [
        {
          provide: COURSE_SERVICES,
          inject: [EVENT_STORE, READ_DATABASE, CACHE, APP_CONFIG],
          useFactory: (eventStore: EventStore, readDb: AnySqlDatabase, cache: Cache, config: AppConfig) =>
            createCourseServices({
              eventStore,
              readDb,
              cache,
              config,
              ...(options.clock ? { clock: options.clock } : {}),
            }),
        },
      ],
      exports: [COURSE_SERVICES],
    };
  }
}
