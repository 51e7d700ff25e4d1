import type { ProjectionLogger } from '../projection-logger';

export interface LoggedError {
  details: Record<string, unknown>;
  message: string;
}

/** Keeps the runner's error reports, and lets a test wait for the next one instead of sleeping. */
export function recordingLogger(): ProjectionLogger & {
  errors: LoggedError[];
  nextError(): Promise<LoggedError>;
} {
  const errors: LoggedError[] = [];
  let waiting: ((error: LoggedError) => void)[] = [];
  return {
    errors,
    info: () => undefined,
    error(details, message) {
      const logged = { details: details as Record<string, unknown>, message };
      errors.push(logged);
      const resolvers = waiting;
      waiting = [];
      for (const resolve of resolvers) resolve(logged);
    },
    nextError: () => new Promise((resolve) => waiting.push(resolve)),
  };
}
