import { findUserIdByEmail } from '../../streams/email-reservations';
import { handleUserCommand, loadUser } from '../../streams/user-streams';
import { RefreshRefusedError, refreshSession } from '../refresh-session/refresh-session';
import { servicesOn, userDialects, type UserTestStores } from '../../testing/user-test-stores';
import type { UserServices } from '../../user-services';
import { logIn, InvalidCredentialsError } from '../log-in/log-in';
import { EmailTakenError, registerUser } from './register-user';

for (const { dialect, describe, open } of userDialects) {
  describe(`registering users on ${dialect}`, () => {
    let stores: UserTestStores;
    let services: UserServices;

    beforeEach(async () => {
      stores = await open();
      services = await servicesOn(stores);
    });
    afterEach(() => stores.close());

    it('registers exactly one user of 20 concurrent registrations of one email, refusing 19 as taken', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          registerUser(services, {
            email: i % 2 ? 'Race@Example.com' : ' race@example.com ',
            password: `correct horse ${i}`,
            name: `Racer ${i}`,
          }),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const loss of lost) expect(loss.reason).toBeInstanceOf(EmailTakenError);

      const userId = await findUserIdByEmail(stores.eventStore, 'RACE@example.com');
      expect(userId).toBe((won[0] as PromiseFulfilledResult<{ userId: string }>).value.userId);
      const users = await stores.eventStore.readAll({ categories: ['user'] });
      expect(users.filter((event) => event.type === 'UserRegistered')).toHaveLength(1);
    });

    it('logs a user in right after registering, whatever the case of the email', async () => {
      await registerUser(services, { email: 'ada@example.com', password: 'correct horse 1', name: 'Ada' });
      const session = await logIn(services, 'ADA@example.com ', 'correct horse 1');
      expect(session).toMatchObject({ expiresIn: 900 });
    });

    it('answers an unknown email and a wrong password alike', async () => {
      await registerUser(services, { email: 'ada@example.com', password: 'correct horse 1', name: 'Ada' });
      await expect(logIn(services, 'ada@example.com', 'wrong horse 1')).rejects.toThrow(
        InvalidCredentialsError,
      );
      await expect(logIn(services, 'nobody@example.com', 'correct horse 1')).rejects.toThrow(
        InvalidCredentialsError,
      );
    });

    it('gives ADMIN_EMAILS the admin role at registration, and others only learner', async () => {
      const boss = await registerUser(services, {
        email: 'Boss@Example.com',
        password: 'correct horse 1',
        name: 'B',
      });
      const ada = await registerUser(services, {
        email: 'ada@example.com',
        password: 'correct horse 1',
        name: 'A',
      });
      expect((await loadUser(stores.eventStore, boss.userId)).state.roles).toEqual(['learner', 'admin']);
      expect((await loadUser(stores.eventStore, ada.userId)).state.roles).toEqual(['learner']);
    });

    it('refuses log-in and refresh to a disabled user, and revokes the session it presented', async () => {
      const { userId } = await registerUser(services, {
        email: 'gone@example.com',
        password: 'correct horse 1',
        name: 'Gone',
      });
      const session = await logIn(services, 'gone@example.com', 'correct horse 1');
      await handleUserCommand(stores.eventStore, { type: 'DisableUser', userId });
      await expect(logIn(services, 'gone@example.com', 'correct horse 1')).rejects.toThrow(
        InvalidCredentialsError,
      );
      await expect(refreshSession(services, session.refreshToken)).rejects.toThrow(RefreshRefusedError);
    });
  });
}
