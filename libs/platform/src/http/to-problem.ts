import { HttpException } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@quizbook/eventstore';
import { ZodError } from 'zod';
import {
  defaultSlugFor,
  problemType,
  statusTitle,
  type FieldError,
  type ProblemDetails,
} from './problem-details';
import { ProblemError } from './problem-error';
import { fieldErrorsOf } from './zod-validation';

export interface MappedProblem {
  problem: ProblemDetails;
  /** Server faults: logged with their stack, and never shown to the client. */
  unexpected: boolean;
}

const genericDetail = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/** Maps anything a handler or the HTTP layer threw to the problem the client sees. */
export function toProblem(error: unknown, instance?: string): MappedProblem {
  const mapped = map(error);
  if (instance !== undefined) mapped.problem.instance = instance;
  return mapped;
}

function map(error: unknown): MappedProblem {
  if (error instanceof ProblemError)
    return { problem: { ...error.problem }, unexpected: error.problem.status >= 500 };
  if (error instanceof ZodError) {
    return expected(
      400,
      'Validation failed',
      'The request has invalid fields.',
      'validation',
      fieldErrorsOf(error),
    );
  }
  if (error instanceof WrongExpectedRevisionError) {
    return expected(
      409,
      undefined,
      'The resource was changed by someone else; reload it and retry.',
      'concurrent-modification',
    );
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isFastifyClientError(error)) return expected(error.statusCode, undefined, error.message);
  return { problem: problem(500, undefined, genericDetail), unexpected: true };
}

function fromHttpException(error: HttpException): MappedProblem {
  const status = error.getStatus();
  if (status >= 500) return { problem: problem(status, undefined, genericDetail), unexpected: true };
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  if (Array.isArray(message)) {
    const errors: FieldError[] = message.map((m) => ({ field: '', message: String(m) }));
    return expected(status, 'Validation failed', 'The request has invalid fields.', 'validation', errors);
  }
  return expected(status, undefined, typeof message === 'string' ? message : error.message);
}

/** Fastify's own request errors (bad JSON, body too large, wrong media type) are safe to show. */
function isFastifyClientError(error: unknown): error is Error & { statusCode: number } {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    (error.name === 'FastifyError' || (typeof code === 'string' && code.startsWith('FST_')))
  );
}

function expected(
  status: number,
  title: string | undefined,
  detail: string,
  slug?: string,
  errors?: FieldError[],
): MappedProblem {
  return { problem: problem(status, title, detail, slug, errors), unexpected: false };
}

function problem(
  status: number,
  title: string | undefined,
  detail: string,
  slug?: string,
  errors?: FieldError[],
): ProblemDetails {
  return {
    type: problemType(slug ?? defaultSlugFor(status)),
    title: title ?? statusTitle(status),
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}
