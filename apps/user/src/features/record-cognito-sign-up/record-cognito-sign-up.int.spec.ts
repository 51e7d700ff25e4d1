import { findUserIdByEmail } from '../../streams/email-reservations';
import { loadUser } from '../../streams/user-streams';
import { servicesOn, userDialects, type UserTestStores } from '../../testing/user-test-stores';
import type { UserServices } from '../../user-services';
import { recordCognitoSignUp } from './record-cognito-sign-up';

const sqlite = userDialects.find((d) => d.dialect === 'sqlite')!;
const signUp = {
  id: 'msg-1',
  payload: { sub: 'cognito-sub-1', email: 'Ada@Example.com', name: 'Ada', groups: ['instructor', 'staff'] },
};

describe('recording Cognito sign-ups', () => {
  let stores: UserTestStores;
  let services: UserServices;

  beforeEach(async () => {
    stores = await sqlite.open();
    services = await servicesOn(stores);
  });
  afterEach(() => stores.close());

  it('records the user once under sequential and concurrent duplicate delivery', async () => {
    expect(await recordCognitoSignUp(services, signUp)).toBe('recorded');
    expect(await recordCognitoSignUp(services, signUp)).toBe('already-recorded');
    await Promise.all([recordCognitoSignUp(services, signUp), recordCognitoSignUp(services, signUp)]);
    const events = await stores.eventStore.readStream('user-cognito-sub-1');
    expect(events.map((e) => e.type)).toEqual(['UserRegistered']);
    const { state } = await loadUser(stores.eventStore, 'cognito-sub-1');
    expect(state).toMatchObject({
      email: 'ada@example.com',
      roles: ['learner', 'instructor'],
      source: 'cognito',
    });
    expect(state.passwordHash).toBeUndefined();
    expect(await findUserIdByEmail(stores.eventStore, 'ada@example.com')).toBe('cognito-sub-1');
  });

  it('records nothing new for a second message about the same sub', async () => {
    await recordCognitoSignUp(services, signUp);
    expect(await recordCognitoSignUp(services, { ...signUp, id: 'msg-2' })).toBe('already-recorded');
    expect(await stores.eventStore.readStream('user-cognito-sub-1')).toHaveLength(1);
  });

  it('concurrent first deliveries still record one event', async () => {
    await Promise.all(Array.from({ length: 5 }, () => recordCognitoSignUp(services, signUp)));
    expect(await stores.eventStore.readStream('user-cognito-sub-1')).toHaveLength(1);
  });
});
