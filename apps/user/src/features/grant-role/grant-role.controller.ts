import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Roles } from '@quizbook/auth';
import { userRoleSchema } from '@quizbook/contracts';
import { ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import { answering } from '../../http/user-problems';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { changeRole } from './change-role';

const grantRoleBody = z.object({ role: userRoleSchema });

@Controller('users')
export class GrantRoleController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Roles('admin')
  @Post(':id/roles')
  @HttpCode(200)
  grant(
    @Param('id') userId: string,
    @Body(new ZodValidationPipe(grantRoleBody)) body: z.infer<typeof grantRoleBody>,
  ) {
    return answering(async () => {
      const { profile } = await changeRole(this.services, { type: 'GrantRole', userId, role: body.role });
      return profile;
    });
  }
}
