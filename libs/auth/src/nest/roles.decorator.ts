import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

export const ROLES_KEY = 'quizbook:roles';

/** Only callers holding at least one of these roles get in; others get a 403 problem. */
export const Roles = (...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator =>
  SetMetadata(ROLES_KEY, roles);
