import { findUserIdByEmail } from '../../streams/email-reservations';
import { loadUser } from '../../streams/user-streams';
import type { UserServices } from '../../user-services';
import { startSession, type SessionTokens } from './session-tokens';

/** One answer for an unknown email, a wrong password and a disabled account: no account probing. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('invalid email or password');
  }
}

export async function logIn(
  services: Pick<UserServices, 'eventStore' | 'passwords' | 'signer' | 'refreshTokens'>,
  email: string,
  password: string,
): Promise<SessionTokens> {
  const userId = await findUserIdByEmail(services.eventStore, email);
  const user = userId === undefined ? undefined : (await loadUser(services.eventStore, userId)).state;
  // Verified even when there is no user, so every refusal costs the same time.
  const matches = await services.passwords.verify(password, user?.passwordHash);
  if (!user || !matches || user.status !== 'active') throw new InvalidCredentialsError();
  return startSession(services, user);
}
