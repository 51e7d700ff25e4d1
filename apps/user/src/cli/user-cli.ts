import type { EventStore } from '@quizbook/eventstore';
import { ProfileCache } from '../features/get-my-profile/profile-cache';
import {
  grantRoleByEmail,
  UnknownEmailError,
  UnknownRoleError,
} from '../features/grant-role/grant-role-by-email';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const userCliUsage = 'usage: npm run cli -- users grant-role <email> <role>';

/**
 * `users grant-role <email> <role>`: the same command handler the admin route runs. Returns the exit
 * code. No cache is reachable from here; running user apps drop the cached profile when they see the
 * RoleGranted event.
 */
export async function runUserCli(
  args: readonly string[],
  eventStore: EventStore,
  io: CliOutput,
): Promise<number> {
  const [group, command, email, role, ...rest] = args;
  if (group !== 'users' || command !== 'grant-role' || !email || !role || rest.length > 0) {
    io.err(userCliUsage);
    return 2;
  }
  try {
    const { profile, changed } = await grantRoleByEmail(
      { eventStore, profiles: new ProfileCache(undefined) },
      email,
      role,
    );
    io.out(
      changed
        ? `granted ${role} to ${profile.email} (user ${profile.userId}); roles now: ${profile.roles.join(', ')}`
        : `${profile.email} (user ${profile.userId}) already has ${role}; roles: ${profile.roles.join(', ')}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UnknownEmailError || error instanceof UnknownRoleError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
