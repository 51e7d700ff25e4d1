import { currentCorrelationId, ProblemError } from '@quizbook/platform';
import type { Logger } from 'pino';
import { isJson, relayedHeaderNames, type UpstreamReply } from './upstream-reply';

export interface UpstreamCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** The caller's own access token: the service decides what they may do, not the edge. */
  token?: string;
  /** The client's address, for the upstream's logs and limits. */
  clientIp?: string;
  /** Request headers the service acts on (If-Match, Idempotency-Key); unset ones are left out. */
  headers?: Record<string, string | undefined>;
}

// Longer than any healthy answer (argon2 hashing included), shorter than a browser's patience.
const upstreamTimeoutMs = 10_000;

/**
 * Calls one service on the caller's behalf. Its answers, problems included, come back as they
 * are; only a failure to get an answer is turned into the edge's own 502/503 problem, never a 500
 * showing where the service lives.
 */
export class ServiceClient {
  private readonly baseUrl: string;

  constructor(
    /** For humans, in problems and logs: "the course service". */
    private readonly serviceName: string,
    baseUrl: string,
    private readonly logger: Logger,
    /**
     * Where the service's routes live at the edge (`/api` for the course service): a relative
     * Location is rewritten under it, or the client would follow a link the edge does not serve.
     */
    private readonly edgePrefix = '',
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async call(call: UpstreamCall): Promise<UpstreamReply> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.clientIp) headers['x-forwarded-for'] = call.clientIp;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(call.headers ?? {}))
      if (value !== undefined) headers[name.toLowerCase()] = value;

    let response: Response;
    let body: string;
    try {
      response = await fetch(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(upstreamTimeoutMs),
      });
      body = await response.text();
    } catch (error) {
      this.logger.warn({ err: error, path: call.path }, `${this.serviceName} unreachable`);
      throw this.unavailable();
    }
    const relayed: Record<string, string> = {};
    for (const name of relayedHeaderNames) {
      const value = response.headers.get(name);
      if (value !== null) relayed[name] = value;
    }
    if (relayed.location?.startsWith('/')) relayed.location = `${this.edgePrefix}${relayed.location}`;
    const reply = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      body,
      headers: relayed,
    };
    return this.checked(reply, call.path);
  }

  private checked(reply: UpstreamReply, path: string): UpstreamReply {
    if (reply.status === 503) throw this.unavailable();
    const relayable = reply.status < 500 && (reply.body === '' || isJson(reply.contentType));
    if (relayable) return reply;
    // A crash or an HTML error page upstream: its body may name hosts or stacks, so it stays here.
    this.logger.warn(
      { path, status: reply.status, contentType: reply.contentType },
      `${this.serviceName} answered badly`,
    );
    throw new ProblemError({
      status: 502,
      type: 'upstream-failed',
      detail: `The ${this.serviceName} failed to answer this request; try again later.`,
    });
  }

  private unavailable(): ProblemError {
    return new ProblemError({
      status: 503,
      type: 'upstream-unavailable',
      detail: `The ${this.serviceName} is not reachable right now; try again shortly.`,
    });
  }
}
