import { Body, Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { relayFor } from '../../upstream/relay';
import { UserServiceClient } from '../../upstream/user-service.client';
import { profile } from '../me/me.schemas';
import { roleGrantBody, type RoleGrantBody } from './role-grant.schema';

@ApiTags('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(@Inject(UserServiceClient) private readonly users: UserServiceClient) {}

  @Post(':id/roles')
  // Checked here too, so a learner is refused without a call to the user service.
  @Roles('admin')
  @BearerRoute({
    summary: 'Grant a role to a user (admin only)',
    requestBody: roleGrantBody,
    success: { status: 200, description: 'The user, with the role granted', body: profile },
    problems: [403, 404],
  })
  async grantRole(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(roleGrantBody)) body: RoleGrantBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.users, {
      method: 'POST',
      path: `/users/${encodeURIComponent(id)}/roles`,
      body,
    });
  }
}
