import { messageBusContract } from '../../../testing/src/contracts/message-bus.contract';
import { createMemoryMessageBus } from './memory-message-bus';

messageBusContract('memory', async () => createMemoryMessageBus({ shutdownGraceMs: 200 }));
