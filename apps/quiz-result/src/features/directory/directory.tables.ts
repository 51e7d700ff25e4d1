/** What the scoreboards and digests need to know about quizzes, courses, enrollments and users. */
export interface DirectoryTables {
  qr_quizzes: {
    quiz_id: string;
    course_id: string;
    owner_id: string;
    title: string;
    pass_mark_percent: number;
    /** `draft` until the first QuizPublished, then `published`; `archived` at the end. */
    status: 'draft' | 'published' | 'archived';
    published_version: number;
    last_position: string | number;
  };
  qr_courses: {
    course_id: string;
    owner_id: string;
    last_position: string | number;
  };
  /** One row per paid seat (course, order), like the projection app's enrollments. */
  qr_enrollments: {
    course_id: string;
    order_id: string;
    learner_id: string;
    status: 'active' | 'revoked';
    last_position: string | number;
  };
  qr_users: {
    user_id: string;
    name: string;
    email: string | null;
    last_position: string | number;
  };
}
