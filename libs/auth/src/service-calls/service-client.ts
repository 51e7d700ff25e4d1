import { CORRELATION_HEADER, currentCorrelationId, PROBLEM_CONTENT_TYPE } from '@quizbook/platform';
import type { Principal } from '../principal';
import { ServiceCallError, ServiceUnavailableError } from './service-call-errors';

export interface ServiceClientOptions {
  /** `http://host:port` of the service, e.g. AppConfig.userServiceUrl. */
  baseUrl: string;
  /** Names the service in errors; the base URL's host by default. */
  name?: string;
  timeoutMs?: number;
}

export interface ServiceCallOptions {
  /** The caller this call is made for: their bearer token goes along, so the service checks them itself. */
  as?: Principal;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** Extra headers to pass on, e.g. `if-match` or `idempotency-key`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ServiceResponse<T> {
  status: number;
  /** Kept for headers the BFF relays, such as ETag or Location. */
  headers: Headers;
  /** Parsed JSON; undefined for an empty answer. */
  body: T;
}

const defaultTimeoutMs = 10_000;

/**
 * HTTP calls from one service to another on a caller's behalf. Each call forwards the caller's token
 * and the current correlation id; an error answer is thrown as ServiceCallError, which relays itself.
 */
export class ServiceClient {
  private readonly baseUrl: string;
  private readonly name: string;
  private readonly timeoutMs: number;

  constructor(options: ServiceClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.name = options.name ?? new URL(this.baseUrl).host;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  }

  get<T>(path: string, options?: ServiceCallOptions): Promise<ServiceResponse<T>> {
    return this.request<T>('GET', path, options);
  }
  post<T>(path: string, options?: ServiceCallOptions): Promise<ServiceResponse<T>> {
    return this.request<T>('POST', path, options);
  }
  put<T>(path: string, options?: ServiceCallOptions): Promise<ServiceResponse<T>> {
    return this.request<T>('PUT', path, options);
  }
  patch<T>(path: string, options?: ServiceCallOptions): Promise<ServiceResponse<T>> {
    return this.request<T>('PATCH', path, options);
  }
  delete<T>(path: string, options?: ServiceCallOptions): Promise<ServiceResponse<T>> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(
    method: string,
    path: string,
    options: ServiceCallOptions = {},
  ): Promise<ServiceResponse<T>> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.urlOf(path, options.query), {
        method,
        headers: this.headersFor(options),
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ServiceUnavailableError(this.name, { cause: error });
    }
    const body = await bodyOf(response);
    if (!response.ok) throw new ServiceCallError(this.name, response.status, body);
    return { status: response.status, headers: response.headers, body: body as T };
  }

  private urlOf(path: string, query: ServiceCallOptions['query']): string {
    const url = new URL(`${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`);
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  private headersFor(options: ServiceCallOptions): Record<string, string> {
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.as) headers.authorization = `Bearer ${options.as.token}`;
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    return headers;
  }
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
