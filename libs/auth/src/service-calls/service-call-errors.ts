import { ProblemError, type ProblemDetails } from '@quizbook/platform';

/**
 * Another service answered with an error. A ProblemError, so a handler that lets it escape relays it:
 * a problem+json answer goes back to the client as it came (status, type, detail, fields); anything
 * else becomes a 502, since the client cannot act on another service's unexpected answer.
 */
export class ServiceCallError extends ProblemError {
  constructor(
    /** The service called, as named in the client. */
    readonly service: string,
    /** The status the service answered with. */
    readonly status: number,
    /** Its parsed body: the problem document, or the raw text of a non-problem answer. */
    readonly body: unknown,
  ) {
    super(relayable(service, status, body));
  }
}

/** The service could not be reached or did not answer in time. */
export class ServiceUnavailableError extends ProblemError {
  constructor(
    readonly service: string,
    options?: { cause?: unknown },
  ) {
    super({ status: 503, detail: `The ${service} service is unavailable; try again shortly.` });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

function relayable(service: string, status: number, body: unknown) {
  if (!isProblem(body))
    return { status: 502, detail: `The ${service} service answered unexpectedly (${status}).` };
  // The instance and correlation id are the relaying request's: the platform filter sets them again.
  const { type, title, detail, errors, instance: _instance, correlationId: _id, status: _s, ...rest } = body;
  return { status, type, title, detail, errors, extensions: rest };
}

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const { type, detail } = body as Record<string, unknown>;
  return typeof type === 'string' && typeof detail === 'string';
}
