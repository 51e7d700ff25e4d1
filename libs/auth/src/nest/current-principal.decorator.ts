import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../principal';
import { unauthenticated } from './refusals';
import './request-principal';

interface CurrentPrincipalOptions {
  /** On a @Public() route: undefined for an anonymous caller instead of a 401. */
  optional?: boolean;
}

const principalParam = createParamDecorator(
  (options: CurrentPrincipalOptions | undefined, context: ExecutionContext): Principal | undefined => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.principal || options?.optional) return request.principal;
    // Only reachable on a public route whose handler wants a caller: fail closed.
    throw unauthenticated(context.switchToHttp().getResponse<FastifyReply>(), 'missing');
  },
);

/**
 * The verified caller. `@CurrentPrincipal() me: Principal` on protected routes;
 * `@CurrentPrincipal({ optional: true }) me: Principal | undefined` on public ones.
 */
export const CurrentPrincipal = (options?: CurrentPrincipalOptions): ParameterDecorator =>
  principalParam(options);
