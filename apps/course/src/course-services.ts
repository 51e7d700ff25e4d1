import type { Cache } from '@quizbook/cache';
import type { AnySqlDatabase, RunningProjection } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { AppConfig } from '@quizbook/platform';
import { systemClock, type Clock } from '@quizbook/platform';
import { CartStore } from './features/cart/cart-store';
import { IdempotencyKeys } from './features/place-order/idempotency-keys';
import { migrateCourseTables } from './features/place-order/idempotency-migrations';
import { courseStreams, type CourseStreams } from './streams/course-streams';
import { KeyedMutex } from '@quizbook/platform';
import { orderStreams, type OrderStreams } from './streams/order-streams';

/** Everything the course features share; built once per app, injected as COURSE_SERVICES. */
export interface CourseServices {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  clock: Clock;
  seatHoldMs: number;
  /** One per process: every command on a stream, and every placement of an order, queues here. */
  mutex: KeyedMutex;
  courses: CourseStreams;
  orders: OrderStreams;
  carts: CartStore;
  idempotencyKeys: IdempotencyKeys;
  /** Set in onStart once the projections run: GET /orders waits on it to read its own writes. */
  orderList?: RunningProjection;
}

export interface CourseServiceOptions {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  cache: Cache;
  config: AppConfig;
  clock?: Clock;
}

export async function createCourseServices(options: CourseServiceOptions): Promise<CourseServices> {
  await migrateCourseTables(options.readDb);
  const mutex = new KeyedMutex();
  const clock = options.clock ?? systemClock;
  return {
    eventStore: options.eventStore,
    readDb: options.readDb,
    clock,
    seatHoldMs: options.config.seatHoldMinutes * 60_000,
    mutex,
    courses: courseStreams(options.eventStore, mutex),
    orders: orderStreams(options.eventStore, mutex),
    carts: new CartStore(options.cache, mutex),
    idempotencyKeys: new IdempotencyKeys(options.readDb, clock),
  };
}
