import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LiveUpdatePublished, liveUpdatesTopic } from '@quizbook/contracts';
import type { Consumer, MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { LiveSockets } from './live-sockets';

/**
 * A group of its own per instance: every bff-web instance must see every message (only the one
 * holding the user's socket delivers it), where competing consumers in one group would split them.
 */
export function instanceGroup(): string {
  return `bff-web-live-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Forwards `live-updates` to the sockets this instance holds. A new group reads the topic from what
 * the bus still retains, so messages published before this instance started are skipped: no socket
 * here was open to miss them (a client that did resumes with `?after=`).
 */
export function consumeLiveUpdates(
  bus: MessageBus,
  sockets: LiveSockets,
  logger: Logger,
  options: { group?: string; since?: Date } = {},
): Promise<Consumer> {
  const since = options.since ?? new Date();
  return bus.consume({
    topic: liveUpdatesTopic,
    group: options.group ?? instanceGroup(),
    handler: async (message) => {
      if (message.type !== LiveUpdatePublished.type || message.publishedAt < since) return;
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
