import type { AppendOptions, EventStore, NewEvent, SubscribeToAllOptions } from '@quizbook/eventstore';
import { newCorrelationId, runWithCorrelation } from './correlation-context';
import { correlationIdOf, withCorrelation } from './with-correlation';

/**
 * The event store as apps see it: appends carry the current correlation id in their metadata, and a
 * subscription handler runs in the flow of the event it handles, so its logs, appends and
 * publishes continue that flow without each feature remembering to pass the id along.
 */
export function correlatedEventStore(store: EventStore): EventStore {
  return {
    appendToStream: (streamName: string, events: readonly NewEvent[], options: AppendOptions) =>
      store.appendToStream(
        streamName,
        events.map((event) => ({ ...event, metadata: withCorrelation(event.metadata) })),
        options,
      ),
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options: SubscribeToAllOptions) =>
      store.subscribeToAll({
        ...options,
        handler: (event) =>
          runWithCorrelation(correlationIdOf(event) ?? newCorrelationId(), () => options.handler(event)),
      }),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    // The handle is shared by every app of the process: the resource registry closes it.
    close: async () => undefined,
  };
}
