import { redactUrl } from '@quizbook/database';

/** Resolves when the dependency answers; may resolve details (a checkpoint, a lag) to show. */
export type ReadinessCheck = () => Promise<void | Record<string, unknown>>;

export interface CheckResult {
  status: 'up' | 'down';
  error?: string;
  [detail: string]: unknown;
}

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  app: string;
  shuttingDown: boolean;
  checks: Record<string, CheckResult>;
}

// A dependency that hangs must fail the probe, not hang it past the orchestrator's own timeout.
const checkTimeoutMs = 2_000;

/** What `/health/ready` reports: every registered check must pass, and the app must not be stopping. */
export class Readiness {
  readonly #checks = new Map<string, ReadinessCheck>();
  #shuttingDown = false;

  constructor(readonly app: string) {}

  add(name: string, check: ReadinessCheck): void {
    if (this.#checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.#checks.set(name, check);
  }

  remove(name: string): void {
    this.#checks.delete(name);
  }

  markShuttingDown(): void {
    this.#shuttingDown = true;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, check]): Promise<[string, CheckResult]> => [
        name,
        await run(check),
      ]),
    );
    const checks = Object.fromEntries(entries);
    const allUp = entries.every(([, result]) => result.status === 'up');
    return {
      status: allUp && !this.#shuttingDown ? 'ready' : 'not-ready',
      app: this.app,
      shuttingDown: this.#shuttingDown,
      checks,
    };
  }
}

async function run(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
  });
  try {
    const details = await Promise.race([check(), timeout]);
    return { ...(details ?? {}), status: 'up' };
  } catch (error) {
    return { status: 'down', error: redactUrl(error instanceof Error ? error.message : String(error)) };
  } finally {
    clearTimeout(timer);
  }
}
