import type { DestinationStream } from 'pino';

export interface LogRecord {
  level: string;
  app: string;
  msg?: string;
  correlationId?: string;
  [field: string]: unknown;
}

/** A pino destination that keeps the JSON lines, so tests assert on logs and jest output stays clean. */
export class LogRecorder implements DestinationStream {
  readonly records: LogRecord[] = [];

  write(line: string): void {
    this.records.push(JSON.parse(line) as LogRecord);
  }

  /** Records that contain every given field value, e.g. `find({ app: 'course', status: 404 })`. */
  find(fields: Partial<LogRecord>): LogRecord[] {
    return this.records.filter((record) =>
      Object.entries(fields).every(([key, value]) => record[key] === value),
    );
  }
}
