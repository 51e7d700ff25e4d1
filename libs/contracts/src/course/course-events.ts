import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';

/** `course-<id>` streams hold a course's lifecycle AND its seats, so one expected revision guards capacity. */
export const courseStreamCategory = 'course';
export const courseStreamName = (courseId: string): string => `${courseStreamCategory}-${courseId}`;

export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const courseLevelSchema = z.enum(courseLevels);
export type CourseLevel = z.infer<typeof courseLevelSchema>;

/** ISO 4217, upper case (`EUR`, `USD`). */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

const courseId = z.string().min(1);

/** The details an owner may change with CourseEdited (capacity has its own event). */
export const courseDetailsSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(10_000),
  tags: z.array(z.string().min(1).max(50)).max(20),
  level: courseLevelSchema,
  priceCents: z.number().int().min(0),
  currency: currencySchema,
  /** ISO 8601 instant. */
  startsAt: z.string().datetime({ offset: true }),
});
export type CourseDetails = z.infer<typeof courseDetailsSchema>;

export const CourseDrafted = defineContract(
  'CourseDrafted',
  1,
  courseDetailsSchema.extend({
    courseId,
    ownerId: z.string().min(1),
    capacity: z.number().int().min(1),
  }),
);

/** Only the fields that changed; a read model applies them over what it holds. */
export const CourseEdited = defineContract(
  'CourseEdited',
  1,
  z.object({ courseId, changes: courseDetailsSchema.partial() }),
);

export const CoursePublished = defineContract('CoursePublished', 1, z.object({ courseId }));

export const CourseArchived = defineContract('CourseArchived', 1, z.object({ courseId }));

export const CourseCapacityChanged = defineContract(
  'CourseCapacityChanged',
  1,
  z.object({ courseId, capacity: z.number().int().min(1) }),
);

/** A seat held for an order until it is paid (SeatConfirmed) or let go (SeatReleased). */
export const SeatReserved = defineContract(
  'SeatReserved',
  1,
  z.object({
    courseId,
    orderId: z.string().min(1),
    learnerId: z.string().min(1),
    /** ISO 8601 instant after which the hold may be expired. */
    expiresAt: z.string().datetime({ offset: true }),
  }),
);

export const seatReleaseReasons = ['cancelled', 'expired', 'rejected', 'refunded'] as const;
export const seatReleaseReasonSchema = z.enum(seatReleaseReasons);
export type SeatReleaseReason = z.infer<typeof seatReleaseReasonSchema>;

/** `learnerId` is carried so read models need not join back to SeatReserved. */
export const SeatReleased = defineContract(
  'SeatReleased',
  1,
  z.object({
    courseId,
    orderId: z.string().min(1),
    learnerId: z.string().min(1),
    reason: seatReleaseReasonSchema,
  }),
);

/** The order was paid: the seat is the learner's for good (until a refund releases it). */
export const SeatConfirmed = defineContract(
  'SeatConfirmed',
  1,
  z.object({ courseId, orderId: z.string().min(1), learnerId: z.string().min(1) }),
);

export type CourseDraftedData = ContractData<typeof CourseDrafted>;
export type CourseEditedData = ContractData<typeof CourseEdited>;
export type CoursePublishedData = ContractData<typeof CoursePublished>;
export type CourseArchivedData = ContractData<typeof CourseArchived>;
export type CourseCapacityChangedData = ContractData<typeof CourseCapacityChanged>;
export type SeatReservedData = ContractData<typeof SeatReserved>;
export type SeatReleasedData = ContractData<typeof SeatReleased>;
export type SeatConfirmedData = ContractData<typeof SeatConfirmed>;

export type CourseEvent = EventOf<typeof courseEventContracts>;

export const courseEventContracts = {
  CourseDrafted,
  CourseEdited,
  CoursePublished,
  CourseArchived,
  CourseCapacityChanged,
  SeatReserved,
  SeatReleased,
  SeatConfirmed,
} as const;

/** Validates a stored event against its contract; undefined for a type this service does not know. */
export const parseCourseEvent = eventParser(courseEventContracts);
