import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, LOGGER, PUBLIC_ROUTE } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Principal } from '../principal';
import type { Role } from '../roles';
import type { AccessTokenVerifier } from '../verification/access-token-verifier';
import { bearerTokenOf } from '../verification/bearer-token';
import { InvalidTokenError } from '../verification/invalid-token-error';
import { unauthenticated } from './refusals';
import { ROLES_KEY } from './roles.decorator';
import { ACCESS_TOKEN_VERIFIER } from './tokens';
import './request-principal';

/**
 * Global: every HTTP route needs a valid bearer token unless marked @Public(), so a forgotten
 * decorator fails closed. @Roles() then narrows who may call.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    // Explicit token: the type import alone would be erased, and with it the injection metadata.
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Nest runs no guard at WebSocket connect and a socket message has no Authorization header: the
    // live channel authenticates its handshake itself (authenticateHandshake).
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    if (isPublic && !required) {
      // A public page may still tailor itself to a signed-in caller; a bad token just means anonymous.
      if (request.headers.authorization !== undefined)
        request.principal = await this.verify(request).catch(() => undefined);
      return true;
    }

    const principal = await this.verify(request).catch((error: unknown) => {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logRefusal(request, error);
      throw unauthenticated(reply, error.reason);
    });
    request.principal = principal;
    if (required && !required.some((role) => principal.roles.includes(role)))
      throw forbidden('Your role does not allow this.');
    return true;
  }

  private verify(request: FastifyRequest): Promise<Principal> {
    return Promise.resolve()
      .then(() => bearerTokenOf(request.headers.authorization))
      .then((token) => this.verifier.verify(token));
  }

  private logRefusal(request: FastifyRequest, error: InvalidTokenError): void {
    const line = { reason: error.reason, method: request.method, path: request.url.split('?')[0] };
    // Unreachable keys refuse everyone: an outage to see, unlike one caller's expired token.
    if (error.reason === 'keys-unavailable') this.logger?.warn(line, 'access token keys unavailable');
    else this.logger?.debug(line, 'access token refused');
  }
}
