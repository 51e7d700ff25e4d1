/** The CourseServices of this app. */
export const COURSE_SERVICES = 'course:SERVICES';
