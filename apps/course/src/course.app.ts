import { Module } from '@nestjs/common';
import { openCheckpointStore, runProjection } from '@quizbook/database';
import { defineApp } from '@quizbook/platform';
import type { Clock } from '@quizbook/platform';
import { CourseModule } from './course.module';
import type { CourseServices } from './course-services';
import { COURSE_SERVICES } from './course-tokens';
import { startBookingProcess } from './features/booking-process/booking-process';
import { CatalogModule, startCatalog } from './features/catalog';
import { startCourseTimers } from './features/expire-seat-holds/course-timers';
import { seatHoldsProjection } from './features/expire-seat-holds/seat-holds.projection';
import { orderListProjection } from './features/list-orders/order-list.projection';

export interface CourseAppOptions {
  /** Specs move time to expire holds and to find stalled placements without waiting. */
  clock?: Clock;
  /** Pause between two rounds of the expiry and recovery timers. */
  timerPollMs?: number;
  /** How long an order may stay `initiated` before the process manager completes it. */
  stalledPlacementAfterMs?: number;
}

/** One definition per call, so specs can boot the app twice on the same stores (a restart). */
export function createCourseApp(options: CourseAppOptions = {}) {
  @Module({
    imports: [
      CourseModule.forApp({
        ...(options.clock ? { clock: options.clock } : {}),
        // CATALOG: the read side (GET /courses, GET /courses/:id) from features/catalog.
        catalog: CatalogModule,
      }),
    ],
  })
  class CourseAppModule {}

  return defineApp({
    name: 'course',
    module: CourseAppModule,
    uses: ['eventStore', 'bus', 'readDb', 'cache'],
    async onStart({ nest, eventStore, bus, readDb, lifecycle, logger, readiness }) {
      const services = nest.get<CourseServices>(COURSE_SERVICES);
      const projectionLogger = logger.child({ component: 'course projections' });
      for (const projection of [seatHoldsProjection, orderListProjection]) {
        const running = await runProjection(projection, {
          eventStore,
          database: readDb,
          logger: projectionLogger,
        });
        lifecycle.onShutdown(`projection ${projection.name}`, () => running.close());
        if (projection === orderListProjection) services.orderList = running;
      }

      const timers = startCourseTimers(services, {
        pollMs: options.timerPollMs ?? 5_000,
        stalledAfterMs: options.stalledPlacementAfterMs ?? 30_000,
        onError: (err, orderId) =>
          logger.error({ err, orderId }, 'course timer step failed; retried next round'),
      });
      lifecycle.onShutdown('course timers', () => timers.close());

      const booking = await startBookingProcess(
        services,
        bus,
        await openCheckpointStore(readDb),
        logger.child({ component: 'booking process' }),
      );
      lifecycle.onShutdown('booking process', () => booking.close());

      // CATALOG: feeds the catalog rows and search index from the course streams.
      await startCatalog({ nest, eventStore, logger, readiness, lifecycle });
    },
  });
}

export const courseApp = createCourseApp();
