import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { relayFor } from '../../upstream/relay';
import { UserServiceClient } from '../../upstream/user-service.client';
import { profile } from './me.schemas';

@ApiTags('me')
@Controller('api/me')
export class MeController {
  constructor(@Inject(UserServiceClient) private readonly users: UserServiceClient) {}

  @Get()
  @BearerRoute({
    summary: 'The signed-in user, with roles',
    success: { status: 200, description: 'Profile', body: profile },
  })
  async me(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.users, { method: 'GET', path: '/users/me' });
  }
}
