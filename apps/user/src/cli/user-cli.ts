import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { migrateUserTables } from '../store/user-migrations';
import { SigningKeyStore } from '../tokens/signing-key-store';
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

export const userCliUsage = [
  'usage: npm run cli -- users grant-role <email> <role>',
  '       npm run cli -- signing-keys rotate',
].join('\n');

export interface CliStores {
  eventStore: EventStore;
  /** Opened only by the commands that need the read database. */
  readDb: () => Promise<AnySqlDatabase>;
}

export async function runCli(args: readonly string[], stores: CliStores, io: CliOutput): Promise<number> {
  if (args[0] === 'signing-keys') {
    if (args[1] !== 'rotate' || args.length !== 2) {
      io.err(userCliUsage);
      return 2;
    }
    const readDb = await stores.readDb();
    await migrateUserTables(readDb);
    const { kid } = await new SigningKeyStore(readDb).rotate();
    io.out(`new signing key ${kid}; earlier keys stay published until their tokens have expired`);
    return 0;
  }
  return runUserCli(args, stores.eventStore, io);
}

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
