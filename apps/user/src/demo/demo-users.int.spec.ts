import { PasswordHasher, testOnlyArgon2Cost } from '../passwords/password-hasher';
import { logIn } from '../features/log-in/log-in';
import { findUserIdByEmail } from '../streams/email-reservations';
import { loadUser } from '../streams/user-streams';
import { servicesOn, userDialects, type UserTestStores } from '../testing/user-test-stores';
import { demoUsers, seedDemoUsers } from './demo-users';

const sqlite = userDialects.find((d) => d.dialect === 'sqlite')!;

describe('demo users', () => {
  let stores: UserTestStores;
  beforeEach(async () => {
    stores = await sqlite.open();
  });
  afterEach(() => stores.close());

  it('creates the three accounts with their roles once, and can log them in with the printed passwords', async () => {
    const passwords = new PasswordHasher(testOnlyArgon2Cost);
    expect((await seedDemoUsers(stores.eventStore, passwords)).map((u) => u.outcome)).toEqual([
      'created',
      'created',
      'created',
    ]);
    expect((await seedDemoUsers(stores.eventStore, passwords)).map((u) => u.outcome)).toEqual([
      'existed',
      'existed',
      'existed',
    ]);
    const services = await servicesOn(stores);
    for (const user of demoUsers) {
      const userId = (await findUserIdByEmail(stores.eventStore, user.email))!;
      expect((await loadUser(stores.eventStore, userId)).state.roles).toContain(user.role);
      await expect(logIn(services, user.email, user.password)).resolves.toHaveProperty('accessToken');
    }
    expect(await stores.eventStore.readAll({ categories: ['user'] })).toHaveLength(3);
  });
});
