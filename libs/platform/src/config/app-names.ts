/** Every app of the monorepo; each has a port setting named after it. */
export const appNames = [
  'bff-web',
  'user',
  'course',
  'payment',
  'quiz',
  'quiz-result',
  'notification',
  'projection',
] as const;

export type AppName = (typeof appNames)[number];

/** `quiz-result` -> `QUIZ_RESULT_PORT` */
export function portVariable(app: AppName): string {
  return `${app.toUpperCase().replace(/-/g, '_')}_PORT`;
}

export const defaultPorts: Record<AppName, number> = {
  'bff-web': 3000,
  user: 3001,
  course: 3002,
  payment: 3003,
  quiz: 3004,
  'quiz-result': 3005,
  notification: 3006,
  projection: 3007,
};
