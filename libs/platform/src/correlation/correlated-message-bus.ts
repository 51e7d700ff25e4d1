import type { ConsumeOptions, MessageBus, OutgoingMessage } from '@quizbook/messaging';
import { newCorrelationId, runWithCorrelation } from './correlation-context';
import { correlationIdOf, withCorrelationHeaders } from './with-correlation';

/**
 * The bus as apps see it: published messages carry the current correlation id as a header, and a
 * consumer's handler runs in the flow of the message it handles.
 */
export function correlatedMessageBus(bus: MessageBus): MessageBus {
  const stamp = (message: OutgoingMessage): OutgoingMessage => ({
    ...message,
    headers: withCorrelationHeaders(message.headers),
  });
  return {
    publish: (topic, messages) =>
      bus.publish(topic, Array.isArray(messages) ? messages.map(stamp) : stamp(messages as OutgoingMessage)),
    consume: <Payload>(options: ConsumeOptions<Payload>) =>
      bus.consume<Payload>({
        ...options,
        handler: (message) =>
          runWithCorrelation(correlationIdOf(message) ?? newCorrelationId(), () => options.handler(message)),
      }),
    ping: () => bus.ping(),
    // The handle is shared by every app of the process: the resource registry closes it.
    close: async () => undefined,
  };
}
