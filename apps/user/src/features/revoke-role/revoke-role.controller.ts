import { Controller, Delete, Inject, Param } from '@nestjs/common';
import { Roles } from '@quizbook/auth';
import { userRoleSchema } from '@quizbook/contracts';
import { ZodValidationPipe } from '@quizbook/platform';
import type { UserRole } from '@quizbook/contracts';
import { answering } from '../../http/user-problems';
import type { UserServices } from '../../user-services';
import { USER_SERVICES } from '../../user-tokens';
import { changeRole } from '../grant-role/change-role';

@Controller('users')
export class RevokeRoleController {
  constructor(@Inject(USER_SERVICES) private readonly services: UserServices) {}

  @Roles('admin')
  @Delete(':id/roles/:role')
  revoke(@Param('id') userId: string, @Param('role', new ZodValidationPipe(userRoleSchema)) role: UserRole) {
    return answering(async () => {
      const { profile } = await changeRole(this.services, { type: 'RevokeRole', userId, role });
      return profile;
    });
  }
}
