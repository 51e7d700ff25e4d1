import { registerUser, EmailTakenError } from '../features/register-user/register-user';
import { servicesOn, userDialects, type UserTestStores } from '../testing/user-test-stores';
import { abandonedReservationAfterMs, findUserIdByEmail, reserveEmail } from './email-reservations';

const sqlite = userDialects.find((d) => d.dialect === 'sqlite')!;

describe('email reservations left behind by a crashed registration', () => {
  let stores: UserTestStores;
  beforeEach(async () => {
    stores = await sqlite.open();
  });
  afterEach(() => stores.close());

  const input = { email: 'ada@example.com', password: 'correct horse 1', name: 'Ada' };

  it('keep the email taken while the registration may still be in flight', async () => {
    await reserveEmail(stores.eventStore, 'ada@example.com', 'crashed-user');
    const services = await servicesOn(stores);
    await expect(registerUser(services, input)).rejects.toThrow(EmailTakenError);
  });

  it('are taken over once abandoned, so the email can be registered again', async () => {
    await reserveEmail(stores.eventStore, 'ada@example.com', 'crashed-user');
    const later = () => new Date(Date.now() + abandonedReservationAfterMs + 1000);
    const services = await servicesOn(stores, later);
    const { userId } = await registerUser(services, input);
    expect(await findUserIdByEmail(stores.eventStore, 'ada@example.com')).toBe(userId);
    await expect(registerUser(services, input)).rejects.toThrow(EmailTakenError);
  });
});
