export type EnrollmentStatus = 'active' | 'revoked';

export interface EnrollmentsTables {
  read_enrollments: {
    course_id: string;
    order_id: string;
    learner_id: string;
    status: EnrollmentStatus;
    enrolled_at: string;
    revoked_at: string | null;
    last_position: string | number;
  };
}

export interface EnrollmentView {
  learnerId: string;
  courseId: string;
  /** From the course rows when the course is known there. */
  title?: string;
  orderId: string;
  status: EnrollmentStatus;
  enrolledAt: string;
  revokedAt?: string;
}
