import { loadUser } from '../../streams/user-streams';
import type { UserServices } from '../../user-services';
import { accessTokenFor, type SessionTokens } from '../log-in/session-tokens';

export class RefreshRefusedError extends Error {
  override readonly name = 'RefreshRefusedError';
}

/** Uses the presented token (rotation) and answers with the next pair of its family. */
export async function refreshSession(
  services: Pick<UserServices, 'eventStore' | 'signer' | 'refreshTokens'>,
  refreshToken: string,
): Promise<SessionTokens> {
  const rotation = await services.refreshTokens.rotate(refreshToken);
  if (rotation.outcome !== 'rotated') throw new RefreshRefusedError(`refresh token ${rotation.outcome}`);
  const { state } = await loadUser(services.eventStore, rotation.userId);
  if (state.status !== 'active') {
    await services.refreshTokens.revokeFamily(rotation.familyId);
    throw new RefreshRefusedError('user is not active');
  }
  const access = await accessTokenFor(services, state);
  return { accessToken: access.token, refreshToken: rotation.next.token, expiresIn: access.expiresIn };
}
