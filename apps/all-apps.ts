import { bffWebApp } from './bff-web/src/bff-web.app';
import { courseApp } from './course/src/course.app';
import { notificationApp } from './notification/src/notification.app';
import { paymentApp } from './payment/src/payment.app';
import { projectionApp } from './projection/src/projection.app';
import { quizResultApp } from './quiz-result/src/quiz-result.app';
import { quizApp } from './quiz/src/quiz.app';
import { userApp } from './user/src/user.app';

/** Every app, services first and the edge (bff-web) last: the order `npm start` boots and lists them. */
export const allApps = [
  userApp,
  courseApp,
  paymentApp,
  quizApp,
  quizResultApp,
  notificationApp,
  projectionApp,
  bffWebApp,
];
