import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Principal } from '@quizbook/auth';
import { APP_CONFIG, type AppConfig } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { RateLimiter } from './rate-limiter';

/**
 * Counts a signed-in caller's requests against their own budget, wherever they come from. Runs after
 * the auth guard, so the user id is the verified principal's, never a claim read off an unchecked token.
 */
@Injectable()
export class UserRateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const http = context.switchToHttp();
      const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
      if (request.principal) {
        const reply = http.getResponse<FastifyReply>();
        await this.limiter.count(
          'user',
          request.principal.userId,
          this.config.rateLimitPerUser,
          request,
          reply,
        );
      }
    }
    return next.handle();
  }
}
