import { loadUser } from '../streams/user-streams';
import { servicesOn, userDialects, type UserTestStores } from '../testing/user-test-stores';
import { registerUser } from '../features/register-user/register-user';
import { runCli, runUserCli } from './user-cli';

const sqlite = userDialects.find((d) => d.dialect === 'sqlite')!;

describe('npm run cli -- users grant-role', () => {
  let stores: UserTestStores;
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const cli = (...args: string[]) => runUserCli(args, stores.eventStore, io);

  beforeEach(async () => {
    out.length = 0;
    err.length = 0;
    stores = await sqlite.open();
  });
  afterEach(() => stores.close());

  it('grants a role by email and says what it did, then that nothing changed the second time', async () => {
    const services = await servicesOn(stores);
    const { userId } = await registerUser(services, {
      email: 'ada@example.com',
      password: 'correct horse 1',
      name: 'Ada',
    });
    expect(await cli('users', 'grant-role', 'ADA@example.com', 'instructor')).toBe(0);
    expect(out[0]).toBe(
      `granted instructor to ada@example.com (user ${userId}); roles now: learner, instructor`,
    );
    expect((await loadUser(stores.eventStore, userId)).state.roles).toEqual(['learner', 'instructor']);
    expect(await cli('users', 'grant-role', 'ada@example.com', 'instructor')).toBe(0);
    expect(out[1]).toMatch(/already has instructor/);
  });

  it('names an unknown email and an unknown role', async () => {
    expect(await cli('users', 'grant-role', 'nobody@example.com', 'admin')).toBe(1);
    expect(err[0]).toBe('error: no user is registered with nobody@example.com');
    expect(await cli('users', 'grant-role', 'nobody@example.com', 'wizard')).toBe(1);
    expect(err[1]).toBe('error: unknown role "wizard": expected one of learner, instructor, admin');
  });

  it('prints the usage for anything else', async () => {
    expect(await cli('users', 'grant-role', 'ada@example.com')).toBe(2);
    expect(err[0]).toMatch(/^usage:/);
  });
});

describe('npm run cli -- signing-keys rotate', () => {
  it('adds a new signing key and keeps the earlier one published', async () => {
    const stores = await sqlite.open();
    try {
      const services = await servicesOn(stores);
      const before = (await services.keys.publishedKeys()).map((key) => key.kid);
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: () => undefined };
      expect(
        await runCli(['signing-keys', 'rotate'], { ...stores, readDb: async () => stores.readDb }, io),
      ).toBe(0);
      const after = (await services.keys.publishedKeys()).map((key) => key.kid);
      expect(after).toHaveLength(2);
      expect(after).toEqual(expect.arrayContaining(before));
      expect(out[0]).toMatch(/^new signing key /);
    } finally {
      await stores.close();
    }
  });
});
