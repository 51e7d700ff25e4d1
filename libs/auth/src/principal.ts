import type { Role } from './roles';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  /** The `sub` claim: our user id (the Cognito `sub` in Cognito mode). */
  userId: string;
  email: string | undefined;
  roles: Role[];
  /** The raw bearer token, forwarded on service-to-service calls made on the caller's behalf. */
  token: string;
  /** Seconds since the epoch: the live channel closes a socket when its token expires. */
  expiresAt: number;
}
