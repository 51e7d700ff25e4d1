import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute, PublicRoute } from '../../edge/openapi/route-docs';
import { relayFor } from '../../upstream/relay';
import { UserServiceClient } from '../../upstream/user-service.client';
import {
  loginBody,
  logoutBody,
  refreshBody,
  registerBody,
  registered,
  tokenPair,
  type LoginBody,
  type RefreshBody,
  type RegisterBody,
} from './auth.schemas';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(UserServiceClient) private readonly users: UserServiceClient) {}

  @Post('register')
  @PublicRoute({
    summary: 'Create an account',
    requestBody: registerBody,
    success: { status: 201, description: 'Registered', body: registered },
    problems: [409],
  })
  async register(
    @Body(new ZodValidationPipe(registerBody)) body: RegisterBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ request, reply }, this.users, { method: 'POST', path: '/auth/register', body });
  }

  @Post('login')
  @PublicRoute({
    summary: 'Exchange email and password for tokens',
    requestBody: loginBody,
    success: { status: 200, description: 'Signed in', body: tokenPair },
    problems: [401],
  })
  async login(
    @Body(new ZodValidationPipe(loginBody)) body: LoginBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ request, reply }, this.users, { method: 'POST', path: '/auth/login', body });
  }

  @Post('refresh')
  @PublicRoute({
    summary: 'Exchange a refresh token for a new pair; a used one is refused',
    requestBody: refreshBody,
    success: { status: 200, description: 'A new token pair', body: tokenPair },
    problems: [401],
  })
  async refresh(
    @Body(new ZodValidationPipe(refreshBody)) body: RefreshBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ request, reply }, this.users, { method: 'POST', path: '/auth/refresh', body });
  }

  @Post('logout')
  @BearerRoute({
    summary: 'Revoke a refresh token',
    requestBody: logoutBody,
    success: { status: 204, description: 'Revoked' },
  })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(logoutBody)) body: RefreshBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.users, {
      method: 'POST',
      path: '/auth/logout',
      body,
    });
  }
}
