import { userRoleSchema, type UserRole } from '@quizbook/contracts';
import { findUserIdByEmail } from '../../streams/email-reservations';
import type { UserServices } from '../../user-services';
import type { UserProfile } from '../get-my-profile/user-profile';
import { changeRole } from './change-role';

export class UnknownEmailError extends Error {
  override readonly name = 'UnknownEmailError';
  constructor(readonly email: string) {
    super(`no user is registered with ${email}`);
  }
}

export class UnknownRoleError extends Error {
  override readonly name = 'UnknownRoleError';
  constructor(readonly role: string) {
    super(`unknown role "${role}": expected one of ${userRoleSchema.options.join(', ')}`);
  }
}

export function parseRole(role: string): UserRole {
  const parsed = userRoleSchema.safeParse(role);
  if (!parsed.success) throw new UnknownRoleError(role);
  return parsed.data;
}

/** What `npm run cli -- users grant-role <email> <role>` and the demo seed run. */
export async function grantRoleByEmail(
  services: Pick<UserServices, 'eventStore' | 'profiles'>,
  email: string,
  role: string,
): Promise<{ profile: UserProfile; changed: boolean }> {
  const parsedRole = parseRole(role);
  const userId = await findUserIdByEmail(services.eventStore, email);
  if (userId === undefined) throw new UnknownEmailError(email);
  return changeRole(services, { type: 'GrantRole', userId, role: parsedRole });
}
