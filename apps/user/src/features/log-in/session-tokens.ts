import type { UserState } from '../../domain/user.decider';
import type { UserServices } from '../../user-services';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
}

export async function accessTokenFor(
  services: Pick<UserServices, 'signer'>,
  user: UserState,
): Promise<{ token: string; expiresIn: number }> {
  return services.signer.sign({ userId: user.userId!, email: user.email!, roles: user.roles });
}

export async function startSession(
  services: Pick<UserServices, 'signer' | 'refreshTokens'>,
  user: UserState,
): Promise<SessionTokens> {
  const access = await accessTokenFor(services, user);
  const refresh = await services.refreshTokens.issue(user.userId!);
  return { accessToken: access.token, refreshToken: refresh.token, expiresIn: access.expiresIn };
}
