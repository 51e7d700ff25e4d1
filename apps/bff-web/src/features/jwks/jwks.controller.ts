import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PublicRoute } from '../../edge/openapi/route-docs';
import { relay } from '../../upstream/relay';
import { UserServiceClient } from '../../upstream/user-service.client';

const jwks = z.object({ keys: z.array(z.record(z.unknown())) });

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(UserServiceClient) private readonly users: UserServiceClient) {}

  @Get('jwks.json')
  @PublicRoute({
    summary: "The local issuer's public keys (JWKS)",
    success: { status: 200, description: 'JWKS', body: jwks },
  })
  async keys(@Res() reply: FastifyReply) {
    return relay(reply, await this.users.call({ method: 'GET', path: '/.well-known/jwks.json' }));
  }
}
