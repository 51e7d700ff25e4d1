import type { UserRole } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { ProfileCache } from '../features/get-my-profile/profile-cache';
import { changeRole } from '../features/grant-role/change-role';
import { EmailTakenError, registerUser } from '../features/register-user/register-user';
import type { PasswordHasher } from '../passwords/password-hasher';
import { findUserIdByEmail } from '../streams/email-reservations';
import { systemClock } from '../store/clock';

export interface DemoUser {
  email: string;
  name: string;
  /** Printed in the `npm start` banner: these accounts exist only on the embedded profile. */
  password: string;
  role: UserRole;
}

export const demoUsers: readonly DemoUser[] = [
  { email: 'admin@quizbook.local', name: 'Ada Admin', password: 'demo-admin-2026', role: 'admin' },
  {
    email: 'instructor@quizbook.local',
    name: 'Ivan Instructor',
    password: 'demo-instructor-2026',
    role: 'instructor',
  },
  { email: 'learner@quizbook.local', name: 'Lea Learner', password: 'demo-learner-2026', role: 'learner' },
];

export interface SeededDemoUser extends DemoUser {
  outcome: 'created' | 'existed';
}

/** Idempotent: existing accounts are left as they are, apart from getting their demo role back. */
export async function seedDemoUsers(
  eventStore: EventStore,
  passwords: PasswordHasher,
): Promise<SeededDemoUser[]> {
  const profiles = new ProfileCache(undefined);
  const seeded: SeededDemoUser[] = [];
  for (const user of demoUsers) {
    let userId = await findUserIdByEmail(eventStore, user.email);
    let outcome: SeededDemoUser['outcome'] = 'existed';
    if (userId === undefined) {
      try {
        ({ userId } = await registerUser(
          { eventStore, passwords, adminEmails: [], clock: systemClock },
          { email: user.email, password: user.password, name: user.name, extraRoles: [user.role] },
        ));
        outcome = 'created';
      } catch (error) {
        if (!(error instanceof EmailTakenError)) throw error;
        userId = await findUserIdByEmail(eventStore, user.email);
      }
    }
    if (userId !== undefined && outcome === 'existed')
      await changeRole({ eventStore, profiles }, { type: 'GrantRole', userId, role: user.role }).catch(
        () => undefined,
      );
    seeded.push({ ...user, outcome });
  }
  return seeded;
}
