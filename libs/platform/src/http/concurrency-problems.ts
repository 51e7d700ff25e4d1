import { StaleRevisionError, TooManyConflictsError } from '../event-sourcing/event-sourced-streams';
import { etagOf } from './etag';
import { conflict, preconditionFailed, type ProblemError } from './problem-error';

/**
 * The two ways an optimistic write is refused, the same in every app: 412 `stale-version` with the
 * ETag to reload from when If-Match named an older version, 409 `concurrent-modification` when other
 * writers kept winning the retries. `staleDetail` tells the client, in the app's words, what changed.
 * Undefined for any other error.
 */
export function concurrencyProblem(error: unknown, staleDetail: string): ProblemError | undefined {
  if (error instanceof StaleRevisionError)
    return preconditionFailed(staleDetail, {
      type: 'stale-version',
      extensions: { currentETag: etagOf(error.current) },
    });
  if (error instanceof TooManyConflictsError)
    return conflict('Too many concurrent changes; retry.', { type: 'concurrent-modification' });
  return undefined;
}

/** Runs a request's work and throws what it fails with as `asProblem` maps it (a domain refusal as its problem). */
export function answeringWith(asProblem: (error: unknown) => unknown) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asProblem(error);
    }
  };
}
