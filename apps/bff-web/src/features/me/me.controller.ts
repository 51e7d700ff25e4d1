import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { relay } from '../../upstream/relay';
import { UserServiceClient } from '../../upstream/user-service.client';
import { callerToken } from '../caller-token';
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
  async me(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const upstream = await this.users.call({
      method: 'GET',
      path: '/users/me',
      token: callerToken(request),
      clientIp: request.ip,
    });
    return relay(reply, upstream);
  }
}
