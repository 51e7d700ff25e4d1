import type { UserRole } from '@quizbook/contracts';
import { UserNotFoundError } from '../../domain/user-errors';
import { handleUserCommand } from '../../streams/user-streams';
import type { UserServices } from '../../user-services';
import { profileOf, type UserProfile } from '../get-my-profile/user-profile';

/** Grant or revoke, then the fresh profile; the cached one is dropped at once for read-your-writes. */
export async function changeRole(
  services: Pick<UserServices, 'eventStore' | 'profiles'>,
  change: { type: 'GrantRole' | 'RevokeRole'; userId: string; role: UserRole },
): Promise<{ profile: UserProfile; changed: boolean }> {
  const result = await handleUserCommand(services.eventStore, change);
  if (result.appended.length > 0) await services.profiles.invalidate(change.userId);
  const profile = profileOf(result);
  if (!profile) throw new UserNotFoundError(change.userId);
  return { profile, changed: result.appended.length > 0 };
}
