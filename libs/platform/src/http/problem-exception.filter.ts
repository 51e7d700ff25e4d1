import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loggableUrl } from './loggable-url';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/** Every error leaves as application/problem+json; server faults are logged with their stack, not sent. */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      // WebSocket gateways answer over their socket and bind their own filter; here only log.
      this.logger.error({ err: exception, context: host.getType() }, 'unhandled error outside HTTP');
      return;
    }
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // The query string may hold tokens; the path identifies the occurrence well enough.
    const instance = request.url.split('?')[0];
    const { problem, unexpected } = toProblem(exception, instance);
    const correlationId = request.correlationId || undefined;
    if (correlationId) problem.correlationId = correlationId;

    if (unexpected) {
      this.logger.error(
        { err: exception, method: request.method, url: loggableUrl(request.url), correlationId },
        'request failed',
      );
    }
    if (reply.sent) return;
    void reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  }
}
