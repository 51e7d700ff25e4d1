import { conflict, notFound, unauthorized } from '@quizbook/platform';
import { UserIsDisabledError, UserNotFoundError } from '../domain/user-errors';
import { EmailTakenError } from '../features/register-user/register-user';
import { InvalidCredentialsError } from '../features/log-in/log-in';
import { RefreshRefusedError } from '../features/refresh-session/refresh-session';

/** Domain refusals as problems; anything else propagates as the 500 it is. */
export function asUserProblem(error: unknown): unknown {
  if (error instanceof EmailTakenError)
    return conflict('An account with this email exists already.', { type: 'email-taken' });
  if (error instanceof InvalidCredentialsError)
    return unauthorized('The email or password is wrong.', { type: 'invalid-credentials' });
  if (error instanceof RefreshRefusedError)
    return unauthorized('The refresh token is invalid, expired or was used already.', {
      type: 'invalid-refresh-token',
    });
  if (error instanceof UserNotFoundError) return notFound('There is no such user.');
  if (error instanceof UserIsDisabledError)
    return conflict('The user is disabled.', { type: 'user-disabled' });
  return error;
}

export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asUserProblem(error);
  }
}
