import type { CourseDetails, CourseEvent } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import { courseDecider, type CourseCommand, type CourseState } from './course.decider';
import {
  CapacityBelowSeatsHeldError,
  CourseAlreadyExistsError,
  CourseArchivedError,
  CourseFullError,
  CourseNotFoundError,
  CourseNotOpenError,
  SeatAlreadyConfirmedError,
  SeatAlreadyHeldError,
  SeatNotHeldError,
} from './course-errors';

const spec = deciderSpec<CourseState, CourseCommand, CourseEvent>(courseDecider);
const courseId = 'c-1';
const expiresAt = '2030-01-01T10:30:00.000Z';
const details: CourseDetails = {
  title: 'Event sourcing',
  description: 'Deciders, streams and projections',
  tags: ['architecture'],
  level: 'intermediate',
  priceCents: 4900,
  currency: 'EUR',
  startsAt: '2030-02-01T09:00:00.000Z',
};
const drafted: CourseEvent = {
  type: 'CourseDrafted',
  data: { courseId, ownerId: 'instructor-1', capacity: 2, ...details },
};
const published: CourseEvent = { type: 'CoursePublished', data: { courseId } };
const archived: CourseEvent = { type: 'CourseArchived', data: { courseId } };
const reserved = (orderId: string, learnerId: string): CourseEvent => ({
  type: 'SeatReserved',
  data: { courseId, orderId, learnerId, expiresAt },
});
const confirmed = (orderId: string, learnerId: string): CourseEvent => ({
  type: 'SeatConfirmed',
  data: { courseId, orderId, learnerId },
});
const reserve = (orderId: string, learnerId: string): CourseCommand => ({
  type: 'ReserveSeat',
  courseId,
  orderId,
  learnerId,
  expiresAt,
});
const isA =
  (type: new (...args: never[]) => Error) =>
  (error: unknown): boolean =>
    error instanceof type;

describe('course decider', () => {
  describe('DraftCourse', () => {
    it('drafts a course owned by the caller', () => {
      spec
        .given([])
        .when({ type: 'DraftCourse', courseId, ownerId: 'instructor-1', details, capacity: 2 })
        .then([drafted]);
    });

    it('refuses to draft a course id twice', () => {
      spec
        .given([drafted])
        .when({ type: 'DraftCourse', courseId, ownerId: 'instructor-1', details, capacity: 2 })
        .thenThrows(isA(CourseAlreadyExistsError));
    });
  });

  describe('EditCourse', () => {
    it('records only the fields that changed', () => {
      spec
        .given([drafted])
        .when({ type: 'EditCourse', courseId, changes: { title: 'Event sourcing, again', priceCents: 4900 } })
        .then([{ type: 'CourseEdited', data: { courseId, changes: { title: 'Event sourcing, again' } } }]);
    });

    it('decides nothing when nothing changed', () => {
      spec
        .given([drafted])
        .when({ type: 'EditCourse', courseId, changes: { tags: ['architecture'] } })
        .then([]);
    });

    it('changes the capacity with its own event', () => {
      spec
        .given([drafted])
        .when({ type: 'EditCourse', courseId, changes: { capacity: 5 } })
        .then([{ type: 'CourseCapacityChanged', data: { courseId, capacity: 5 } }]);
    });

    it('lowers the capacity down to the seats held', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1')])
        .when({ type: 'EditCourse', courseId, changes: { capacity: 1 } })
        .then([{ type: 'CourseCapacityChanged', data: { courseId, capacity: 1 } }]);
    });

    it('refuses a capacity below the seats held', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1'), reserved('o-2', 'l-2')])
        .when({ type: 'EditCourse', courseId, changes: { capacity: 1 } })
        .thenThrows(isA(CapacityBelowSeatsHeldError));
    });

    it('refuses an unknown course', () => {
      spec
        .given([])
        .when({ type: 'EditCourse', courseId, changes: { title: 'x' } })
        .thenThrows(isA(CourseNotFoundError));
    });

    it('refuses an archived course', () => {
      spec
        .given([drafted, archived])
        .when({ type: 'EditCourse', courseId, changes: { title: 'x' } })
        .thenThrows(isA(CourseArchivedError));
    });
  });

  describe('PublishCourse', () => {
    it('publishes a draft', () => {
      spec.given([drafted]).when({ type: 'PublishCourse', courseId }).then([published]);
    });

    it('decides nothing when published already', () => {
      spec.given([drafted, published]).when({ type: 'PublishCourse', courseId }).then([]);
    });

    it('refuses an unknown course', () => {
      spec.given([]).when({ type: 'PublishCourse', courseId }).thenThrows(isA(CourseNotFoundError));
    });

    it('refuses an archived course', () => {
      spec
        .given([drafted, published, archived])
        .when({ type: 'PublishCourse', courseId })
        .thenThrows(isA(CourseArchivedError));
    });
  });

  describe('ArchiveCourse', () => {
    it('archives a draft or a published course', () => {
      spec.given([drafted]).when({ type: 'ArchiveCourse', courseId }).then([archived]);
      spec.given([drafted, published]).when({ type: 'ArchiveCourse', courseId }).then([archived]);
    });

    it('decides nothing when archived already', () => {
      spec.given([drafted, archived]).when({ type: 'ArchiveCourse', courseId }).then([]);
    });

    it('refuses an unknown course', () => {
      spec.given([]).when({ type: 'ArchiveCourse', courseId }).thenThrows(isA(CourseNotFoundError));
    });
  });

  describe('ReserveSeat', () => {
    it('reserves a seat of a published course', () => {
      spec
        .given([drafted, published])
        .when(reserve('o-1', 'l-1'))
        .then([reserved('o-1', 'l-1')]);
    });

    it('decides nothing when the order holds its seat already (a retried step)', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1')])
        .when(reserve('o-1', 'l-1'))
        .then([]);
    });

    it('reserves again a seat that was released', () => {
      spec
        .given([
          drafted,
          published,
          reserved('o-1', 'l-1'),
          reserved('o-2', 'l-2'),
          { type: 'SeatReleased', data: { courseId, orderId: 'o-1', learnerId: 'l-1', reason: 'expired' } },
        ])
        .when(reserve('o-3', 'l-1'))
        .then([reserved('o-3', 'l-1')]);
    });

    it('refuses once every seat is held', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1'), reserved('o-2', 'l-2')])
        .when(reserve('o-3', 'l-3'))
        .thenThrows(isA(CourseFullError));
    });

    it('counts paid seats as held', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1'), confirmed('o-1', 'l-1'), reserved('o-2', 'l-2')])
        .when(reserve('o-3', 'l-3'))
        .thenThrows(isA(CourseFullError));
    });

    it('refuses a learner who holds a seat already through another order', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1')])
        .when(reserve('o-2', 'l-1'))
        .thenThrows(isA(SeatAlreadyHeldError));
    });

    it('refuses a draft course', () => {
      spec.given([drafted]).when(reserve('o-1', 'l-1')).thenThrows(isA(CourseNotOpenError));
    });

    it('refuses an archived course', () => {
      spec
        .given([drafted, published, archived])
        .when(reserve('o-1', 'l-1'))
        .thenThrows(isA(CourseNotOpenError));
    });

    it('refuses an unknown course', () => {
      spec.given([]).when(reserve('o-1', 'l-1')).thenThrows(isA(CourseNotFoundError));
    });
  });

  describe('ReleaseSeat', () => {
    it("releases the order's seat with the learner and the reason", () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1')])
        .when({ type: 'ReleaseSeat', courseId, orderId: 'o-1', reason: 'cancelled' })
        .then([
          { type: 'SeatReleased', data: { courseId, orderId: 'o-1', learnerId: 'l-1', reason: 'cancelled' } },
        ]);
    });

    it('decides nothing when the order holds no seat (released already, or never reserved)', () => {
      spec
        .given([drafted, published])
        .when({ type: 'ReleaseSeat', courseId, orderId: 'o-1', reason: 'expired' })
        .then([]);
    });

    it('releases a paid seat on refund', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1'), confirmed('o-1', 'l-1')])
        .when({ type: 'ReleaseSeat', courseId, orderId: 'o-1', reason: 'refunded' })
        .then([
          { type: 'SeatReleased', data: { courseId, orderId: 'o-1', learnerId: 'l-1', reason: 'refunded' } },
        ]);
    });

    it.each(['cancelled', 'expired', 'rejected'] as const)(
      'refuses to release a paid seat as %s',
      (reason) => {
        spec
          .given([drafted, published, reserved('o-1', 'l-1'), confirmed('o-1', 'l-1')])
          .when({ type: 'ReleaseSeat', courseId, orderId: 'o-1', reason })
          .thenThrows(isA(SeatAlreadyConfirmedError));
      },
    );

    it('refuses an unknown course', () => {
      spec
        .given([])
        .when({ type: 'ReleaseSeat', courseId, orderId: 'o-1', reason: 'cancelled' })
        .thenThrows(isA(CourseNotFoundError));
    });
  });

  describe('ConfirmSeat', () => {
    it('confirms a reserved seat', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1')])
        .when({ type: 'ConfirmSeat', courseId, orderId: 'o-1' })
        .then([confirmed('o-1', 'l-1')]);
    });

    it('decides nothing when confirmed already', () => {
      spec
        .given([drafted, published, reserved('o-1', 'l-1'), confirmed('o-1', 'l-1')])
        .when({ type: 'ConfirmSeat', courseId, orderId: 'o-1' })
        .then([]);
    });

    it('refuses an order that holds no seat', () => {
      spec
        .given([drafted, published])
        .when({ type: 'ConfirmSeat', courseId, orderId: 'o-1' })
        .thenThrows(isA(SeatNotHeldError));
    });

    it('refuses an unknown course', () => {
      spec
        .given([])
        .when({ type: 'ConfirmSeat', courseId, orderId: 'o-1' })
        .thenThrows(isA(CourseNotFoundError));
    });
  });
});
