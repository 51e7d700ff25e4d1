import {
  defaultSlugFor,
  problemType,
  statusTitle,
  type FieldError,
  type ProblemDetails,
} from './problem-details';

export interface ProblemInit {
  status: number;
  detail: string;
  /** A slug (`email-taken`) or a full URI; defaults to one derived from the status. */
  type?: string;
  title?: string;
  errors?: FieldError[];
  /** Extension members, e.g. `{ currentVersion: 3 }`. */
  extensions?: Record<string, unknown>;
}

/** Thrown by handlers for outcomes the client should see; the global filter turns it into problem+json. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problem: ProblemDetails;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.problem = {
      ...init.extensions,
      type: problemType(init.type ?? defaultSlugFor(init.status)),
      title: init.title ?? statusTitle(init.status),
      status: init.status,
      detail: init.detail,
      ...(init.errors ? { errors: init.errors } : {}),
    };
  }
}

type Options = Omit<ProblemInit, 'status' | 'detail'>;

export const badRequest = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 400, detail });
export const unauthorized = (detail = 'Authentication is required.', options?: Options) =>
  new ProblemError({ ...options, status: 401, detail });
export const forbidden = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 403, detail });
/** Also for resources that exist but belong to someone else: never reveal them. */
export const notFound = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 404, detail });
export const conflict = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 409, detail });
export const preconditionFailed = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 412, detail });
export const unprocessable = (detail: string, options?: Options) =>
  new ProblemError({ ...options, status: 422, detail });

export function validationFailed(
  errors: FieldError[],
  detail = 'The request has invalid fields.',
): ProblemError {
  return new ProblemError({ status: 400, type: 'validation', title: 'Validation failed', detail, errors });
}
