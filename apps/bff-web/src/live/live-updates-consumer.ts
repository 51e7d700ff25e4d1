import { LiveUpdatePublished, liveUpdatesTopic } from '@quizbook/contracts';
import type { Consumer, MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { LiveSockets } from './live-sockets';

/**
 * The group name bff-web consumes `live-updates` under. The consumer is ephemeral, so every instance
 * gets a group of its own behind this name (every instance must see every message: only the one
 * holding the user's socket delivers it), and the bus forgets it when the instance stops or dies.
 */
export const liveUpdatesGroup = 'bff-web-live';

/**
 * Forwards `live-updates` to the sockets this instance holds. The ephemeral group starts at messages
 * published after it subscribed, so nothing from before this instance started is delivered: no
 * socket here was open to miss it (a client that did resumes with `?after=`).
 */
export function consumeLiveUpdates(bus: MessageBus, sockets: LiveSockets, logger: Logger): Promise<Consumer> {
  return bus.consume({
    topic: liveUpdatesTopic,
    group: liveUpdatesGroup,
    ephemeral: true,
    handler: async (message) => {
      if (message.type !== LiveUpdatePublished.type) return;
      let update;
      try {
        update = LiveUpdatePublished.parse(message.payload);
      } catch (error) {
        logger.warn({ err: error, messageId: message.id }, 'live update of unknown shape dropped');
        return;
      }
      const held = sockets.deliver(update.userId, update.message);
      logger.debug(
        { userId: update.userId, position: update.message.position, sockets: held },
        'live update taken',
      );
    },
  });
}
