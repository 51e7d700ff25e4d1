/** The subset of a pino logger the runner needs, so apps pass theirs and tests pass a recorder. */
export interface ProjectionLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const consoleProjectionLogger: ProjectionLogger = {
  info: (details, message) => console.info(message, details),
  error: (details, message) => console.error(message, details),
};
