/** The QuizServices of this app. */
export const QUIZ_SERVICES = 'quiz:SERVICES';
