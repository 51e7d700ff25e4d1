import {
  CourseArchived,
  CourseCapacityChanged,
  CourseDrafted,
  CourseEdited,
  CoursePublished,
  courseStreamName,
  OrderAwaitingPayment,
  OrderInitiated,
  OrderPaid,
  orderStreamName,
  SeatConfirmed,
  SeatReleased,
  SeatReserved,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';

/** Appends valid course and order events the way the course service would, for read-model specs. */
export function courseAndOrderEvents(eventStore: EventStore) {
  const append = (stream: string, event: { type: string; data: unknown }) =>
    eventStore.appendToStream(stream, [{ type: event.type, data: event.data }], { expectedRevision: 'any' });
  const onCourse = (courseId: string, event: { type: string; data: unknown }) =>
    append(courseStreamName(courseId), event);
  const seat = { learnerId: 'learner-1', expiresAt: '2030-01-01T10:00:00.000Z' };

  return {
    draft: (courseId: string, capacity = 5, ownerId = 'owner-1') =>
      onCourse(
        courseId,
        CourseDrafted.create({
          courseId,
          ownerId,
          title: 'Kubernetes in Practice',
          description: 'Deploy containers',
          tags: ['devops'],
          level: 'intermediate',
          priceCents: 9900,
          currency: 'EUR',
          capacity,
          startsAt: '2030-02-01T09:00:00.000Z',
        }),
      ),
    edit: (courseId: string, changes: Parameters<typeof CourseEdited.create>[0]['changes']) =>
      onCourse(courseId, CourseEdited.create({ courseId, changes })),
    publish: (courseId: string) => onCourse(courseId, CoursePublished.create({ courseId })),
    archive: (courseId: string) => onCourse(courseId, CourseArchived.create({ courseId })),
    changeCapacity: (courseId: string, capacity: number) =>
      onCourse(courseId, CourseCapacityChanged.create({ courseId, capacity })),
    reserve: (courseId: string, orderId: string, learnerId = seat.learnerId) =>
      onCourse(courseId, SeatReserved.create({ courseId, orderId, learnerId, expiresAt: seat.expiresAt })),
    release: (courseId: string, orderId: string, learnerId = seat.learnerId) =>
      onCourse(courseId, SeatReleased.create({ courseId, orderId, learnerId, reason: 'cancelled' })),
    confirm: (courseId: string, orderId: string, learnerId = seat.learnerId) =>
      onCourse(courseId, SeatConfirmed.create({ courseId, orderId, learnerId })),
    initiateOrder: (orderId: string, learnerId: string, courseId: string) =>
      append(
        orderStreamName(orderId),
        OrderInitiated.create({
          orderId,
          learnerId,
          lines: [{ courseId, title: 'Kubernetes in Practice', priceCents: 9900, currency: 'EUR' }],
          totalCents: 9900,
          currency: 'EUR',
        }),
      ),
    awaitPayment: (orderId: string) =>
      append(
        orderStreamName(orderId),
        OrderAwaitingPayment.create({ orderId, seatsHeldUntil: '2030-01-01T10:00:00.000Z' }),
      ),
    pay: (orderId: string) => append(orderStreamName(orderId), OrderPaid.create({ orderId })),
  };
}
