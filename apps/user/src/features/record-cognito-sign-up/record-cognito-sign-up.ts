import { IdentityUserSignedUp, isUserRoleName, type UserRole } from '@quizbook/contracts';
import { WrongExpectedRevisionError } from '@quizbook/eventstore';
import type { Message } from '@quizbook/messaging';
import { normalizeEmail } from '../../domain/email';
import { reserveEmail } from '../../streams/email-reservations';
import { deterministicId, handleUserCommand } from '../../streams/user-streams';
import { UserAlreadyRegisteredError } from '../../domain/user-errors';
import type { UserServices } from '../../user-services';

export type SignUpOutcome = 'recorded' | 'already-recorded';

/**
 * Records a Cognito sign-up as a user (userId = Cognito `sub`). Idempotent per message: the events
 * get ids derived from the message id, so a redelivered message is a retried append that records
 * nothing new; a second message for the same `sub` finds the user registered and records nothing.
 */
export async function recordCognitoSignUp(
  services: Pick<UserServices, 'eventStore' | 'adminEmails'>,
  message: Pick<Message, 'id' | 'payload'>,
): Promise<SignUpOutcome> {
  const signUp = IdentityUserSignedUp.parse(message.payload);
  const email = normalizeEmail(signUp.email);
  // Lets the CLI and admins find Cognito users by email too; Cognito itself owns uniqueness here.
  await reserveEmail(services.eventStore, email, signUp.sub, deterministicId(`reservation:${message.id}`));
  const roles: UserRole[] = ['learner', ...signUp.groups.filter(isUserRoleName)];
  if (services.adminEmails.includes(email)) roles.push('admin');
  try {
    const result = await handleUserCommand(
      services.eventStore,
      {
        type: 'RegisterUser',
        data: { userId: signUp.sub, email, name: signUp.name, roles: [...new Set(roles)], source: 'cognito' },
      },
      { eventId: () => deterministicId(`registration:${message.id}`) },
    );
    return result.appended.length > 0 ? 'recorded' : 'already-recorded';
  } catch (error) {
    if (error instanceof UserAlreadyRegisteredError || error instanceof WrongExpectedRevisionError)
      return 'already-recorded';
    throw error;
  }
}
