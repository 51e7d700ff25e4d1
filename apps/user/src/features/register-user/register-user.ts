import { randomUUID } from 'node:crypto';
import type { UserRole } from '@quizbook/contracts';
import { normalizeEmail } from '../../domain/email';
import { reclaimAbandonedReservation, reserveEmail } from '../../streams/email-reservations';
import { handleUserCommand } from '../../streams/user-streams';
import type { UserServices } from '../../user-services';

export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
  constructor(readonly email: string) {
    super(`${email} is already registered`);
  }
}

export interface RegisterUserInput {
  email: string;
  password: string;
  name: string;
  /** Beyond `learner` and the admin role ADMIN_EMAILS gives (the demo seed passes `instructor`). */
  extraRoles?: readonly UserRole[];
}

export function rolesAtRegistration(
  email: string,
  adminEmails: readonly string[],
  extra: readonly UserRole[] = [],
): UserRole[] {
  const roles: UserRole[] = ['learner', ...extra];
  if (adminEmails.includes(normalizeEmail(email))) roles.push('admin');
  return [...new Set(roles)];
}

/**
 * Reserves the email first (the uniqueness decision), then writes the user's stream. The password
 * is hashed before the reservation, so the losers of a race have spent only their own CPU.
 */
export async function registerUser(
  services: Pick<UserServices, 'eventStore' | 'passwords' | 'adminEmails' | 'clock'>,
  input: RegisterUserInput,
): Promise<{ userId: string }> {
  const email = normalizeEmail(input.email);
  const userId = randomUUID();
  const passwordHash = await services.passwords.hash(input.password);
  const reserved =
    (await reserveEmail(services.eventStore, email, userId)) === 'reserved' ||
    (await reclaimAbandonedReservation(services.eventStore, email, userId, services.clock())) === 'reserved';
  if (!reserved) throw new EmailTakenError(email);
  await handleUserCommand(services.eventStore, {
    type: 'RegisterUser',
    data: {
      userId,
      email,
      name: input.name.trim(),
      passwordHash,
      roles: rolesAtRegistration(email, services.adminEmails, input.extraRoles),
      source: 'local',
    },
  });
  return { userId };
}
