import { orderEventContracts, orderStreamName, parseOrderEvent, type OrderEvent } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { orderDecider, type OrderCommand, type OrderState } from '../domain/order/order.decider';
import { EventSourcedStreams } from '@quizbook/platform';
import type { KeyedMutex } from '@quizbook/platform';

export type OrderStreams = EventSourcedStreams<OrderState, OrderCommand, OrderEvent>;

export function orderStreams(store: EventStore, mutex: KeyedMutex): OrderStreams {
  return new EventSourcedStreams(
    store,
    mutex,
    {
      ...orderDecider,
      parse: parseOrderEvent,
      validate: (event) => orderEventContracts[event.type].parse(event.data),
    },
    orderStreamName,
  );
}
