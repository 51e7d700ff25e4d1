import { messageBusContract } from '../../../testing/src/contracts/message-bus.contract';
import { MemoryMessageBus } from './memory-message-bus';

messageBusContract('memory', async () => new MemoryMessageBus({ shutdownGraceMs: 200 }), {
  groupsOf: async (bus, topic) => (bus as MemoryMessageBus).groupsOf(topic),
});
