/** One line of the `npm run bench` table. */
export interface BenchRow {
  /** e.g. "event store", "bus" */
  suite: string;
  /** e.g. "sqlite", "mysql", "memory", "redis" */
  adapter: string;
  /** e.g. "append 1 event to a new stream" */
  measure: string;
  /** e.g. "4 210 events/s" or "p50 0.8 ms / p99 3.1 ms" */
  result: string;
}

/** A bench module under bench/ exports `run(): Promise<BenchRow[]>`; it reads MYSQL_URL / REDIS_URL itself. */
export type BenchModule = { run(): Promise<BenchRow[]> };
