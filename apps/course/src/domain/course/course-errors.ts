/** Domain refusals of the course decider: the HTTP layer maps each to a problem type. */
export class CourseError extends Error {
  constructor(
    readonly courseId: string,
    message: string,
  ) {
    super(message);
  }
}

export class CourseNotFoundError extends CourseError {
  override readonly name = 'CourseNotFoundError';
  constructor(courseId: string) {
    super(courseId, `course ${courseId} does not exist`);
  }
}

export class CourseAlreadyExistsError extends CourseError {
  override readonly name = 'CourseAlreadyExistsError';
  constructor(courseId: string) {
    super(courseId, `course ${courseId} exists already`);
  }
}

export class CourseArchivedError extends CourseError {
  override readonly name = 'CourseArchivedError';
  constructor(courseId: string) {
    super(courseId, `course ${courseId} is archived`);
  }
}

/** Seats are sold only while a course is published (not in draft, not once archived). */
export class CourseNotOpenError extends CourseError {
  override readonly name = 'CourseNotOpenError';
  constructor(
    courseId: string,
    readonly status: string,
  ) {
    super(courseId, `course ${courseId} is ${status}, not open for booking`);
  }
}

export class CourseFullError extends CourseError {
  override readonly name = 'CourseFullError';
  constructor(courseId: string) {
    super(courseId, `course ${courseId} has no seat left`);
  }
}

export class CapacityBelowSeatsHeldError extends CourseError {
  override readonly name = 'CapacityBelowSeatsHeldError';
  constructor(
    courseId: string,
    readonly capacity: number,
    readonly seatsHeld: number,
  ) {
    super(courseId, `course ${courseId} holds ${seatsHeld} seats; capacity ${capacity} is too small`);
  }
}

/** One learner, one seat per course, whichever order holds it. */
export class SeatAlreadyHeldError extends CourseError {
  override readonly name = 'SeatAlreadyHeldError';
  constructor(
    courseId: string,
    readonly learnerId: string,
  ) {
    super(courseId, `learner ${learnerId} already holds a seat in course ${courseId}`);
  }
}

export class SeatNotHeldError extends CourseError {
  override readonly name = 'SeatNotHeldError';
  constructor(
    courseId: string,
    readonly orderId: string,
  ) {
    super(courseId, `order ${orderId} holds no seat in course ${courseId}`);
  }
}

/** A paid seat is let go only by a refund. */
export class SeatAlreadyConfirmedError extends CourseError {
  override readonly name = 'SeatAlreadyConfirmedError';
  constructor(
    courseId: string,
    readonly orderId: string,
  ) {
    super(courseId, `the seat of order ${orderId} in course ${courseId} is paid; only a refund releases it`);
  }
}
