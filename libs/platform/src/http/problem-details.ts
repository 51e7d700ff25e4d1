import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are stable URNs: clients branch on them, while `detail` is free text for humans. */
export const problemTypePrefix = 'urn:quizbook:problem:';

export function problemType(slug: string): string {
  return slug.startsWith('urn:') || slug.includes('://') ? slug : `${problemTypePrefix}${slug}`;
}

export interface FieldError {
  /** Dotted path into the request body or query (`items.0.courseId`); empty for the whole input. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, with `errors` for validation and free extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** The type slug used when an error says nothing more specific than its status. */
export function defaultSlugFor(status: number): string {
  const slugs: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    406: 'not-acceptable',
    409: 'conflict',
    410: 'gone',
    412: 'precondition-failed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    422: 'unprocessable-content',
    428: 'precondition-required',
    429: 'too-many-requests',
    500: 'internal',
    502: 'bad-gateway',
    503: 'service-unavailable',
    504: 'gateway-timeout',
  };
  return slugs[status] ?? (status >= 500 ? 'internal' : 'bad-request');
}
