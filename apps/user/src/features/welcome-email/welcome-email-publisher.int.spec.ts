import { notificationsTopic } from '@quizbook/contracts';
import { openCheckpointStore, type CheckpointStore } from '@quizbook/database';
import type { Subscription } from '@quizbook/eventstore';
import { createMemoryMessageBus, type Message, type MessageBus } from '@quizbook/messaging';
import { servicesOn, userDialects, type UserTestStores } from '../../testing/user-test-stores';
import type { UserServices } from '../../user-services';
import { changeRole } from '../grant-role/change-role';
import { registerUser } from '../register-user/register-user';
import { startWelcomeEmailPublisher, welcomeEmailCheckpoint } from './welcome-email-publisher';

const sqlite = userDialects.find((d) => d.dialect === 'sqlite')!;

describe('welcome email publisher', () => {
  let stores: UserTestStores;
  let services: UserServices;
  let bus: MessageBus;
  let checkpoints: CheckpointStore;
  const received: Message[] = [];
  let publisher: Subscription | undefined;

  const start = async () => {
    publisher = await startWelcomeEmailPublisher({ ...stores, bus, checkpoints });
    await publisher.caughtUp;
  };
  const register = (email: string) =>
    registerUser(services, { email, password: 'correct horse 1', name: 'N' });
  const waitForMessages = async (count: number) => {
    for (let i = 0; i < 200 && received.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  };

  beforeEach(async () => {
    received.length = 0;
    stores = await sqlite.open();
    services = await servicesOn(stores);
    bus = createMemoryMessageBus();
    await bus.consume({
      topic: notificationsTopic,
      group: 'test',
      handler: async (message) => {
        received.push(message);
      },
    });
    checkpoints = await openCheckpointStore(stores.readDb);
  });
  afterEach(async () => {
    await publisher?.close();
    await bus.close();
    await stores.close();
  });

  it('publishes one WelcomeEmailRequested per registration, and none for other user events', async () => {
    const { userId } = await register('ada@example.com');
    await changeRole(services, { type: 'GrantRole', userId, role: 'instructor' });
    await start();
    await waitForMessages(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: 'WelcomeEmailRequested',
      key: userId,
      payload: { userId, email: 'ada@example.com', name: 'N' },
    });
  });

  it('publishes each registration once across a restart from its checkpoint', async () => {
    await register('ada@example.com');
    await start();
    await waitForMessages(1);
    await publisher!.close();

    await register('grace@example.com');
    await start();
    await waitForMessages(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(received.map((m) => m.payload)).toEqual([
      expect.objectContaining({ email: 'ada@example.com' }),
      expect.objectContaining({ email: 'grace@example.com' }),
    ]);
  });

  it('republishes with the same message id when it restarts before saving its checkpoint, so consumers can drop the duplicate', async () => {
    await register('ada@example.com');
    await start();
    await waitForMessages(1);
    await publisher!.close();
    // As if the process died between the publish and the checkpoint write.
    await checkpoints.reset(welcomeEmailCheckpoint);
    await start();
    await waitForMessages(2);
    expect(received).toHaveLength(2);
    expect(received[1]!.id).toBe(received[0]!.id);
  });
});
