import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, currentCorrelationId, LOGGER, ProblemError, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { isJson, type UpstreamReply } from './upstream-reply';

export interface UpstreamCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** The caller's own access token: the user service decides what they may do, not the edge. */
  token?: string;
  /** The client's address, for the upstream's logs and limits. */
  clientIp?: string;
}

// Longer than any healthy answer (argon2 hashing included), shorter than a browser's patience.
const upstreamTimeoutMs = 10_000;

/**
 * Calls the user service on the caller's behalf. Its answers, problems included, come back as they
 * are; only a failure to get an answer is turned into the edge's own 502/503 problem, never a 500
 * showing where the service lives.
 */
@Injectable()
export class UserServiceClient {
  private readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.baseUrl = config.userServiceUrl.replace(/\/+$/, '');
  }

  async call(call: UpstreamCall): Promise<UpstreamReply> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.clientIp) headers['x-forwarded-for'] = call.clientIp;
    if (call.body !== undefined) headers['content-type'] = 'application/json';

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
      this.logger.warn({ err: error, path: call.path }, 'user service unreachable');
      throw unavailable();
    }
    const reply = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      body,
    };
    return this.checked(reply, call.path);
  }

  private checked(reply: UpstreamReply, path: string): UpstreamReply {
    if (reply.status === 503) throw unavailable();
    const relayable = reply.status < 500 && (reply.body === '' || isJson(reply.contentType));
    if (relayable) return reply;
    // A crash or an HTML error page upstream: its body may name hosts or stacks, so it stays here.
    this.logger.warn(
      { path, status: reply.status, contentType: reply.contentType },
      'user service answered badly',
    );
    throw new ProblemError({
      status: 502,
      type: 'upstream-failed',
      detail: 'The user service failed to answer this request; try again later.',
    });
  }
}

function unavailable(): ProblemError {
  return new ProblemError({
    status: 503,
    type: 'upstream-unavailable',
    detail: 'The user service is not reachable right now; try again shortly.',
  });
}
