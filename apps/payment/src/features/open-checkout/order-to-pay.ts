import {
  orderStatusAfter,
  orderStreamName,
  parseOrderEvent,
  type OrderLine,
  type OrderStatus,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';

/** What checkout needs of an order, folded from the course app's `order-<id>` stream. */
export interface OrderToPay {
  orderId: string;
  learnerId: string;
  status: OrderStatus;
  lines: OrderLine[];
  totalCents: number;
  currency: string;
  seatsHeldUntil?: Date;
}

export async function readOrderToPay(store: EventStore, orderId: string): Promise<OrderToPay | undefined> {
  let order: OrderToPay | undefined;
  for (const recorded of await store.readStream(orderStreamName(orderId))) {
    const event = parseOrderEvent(recorded.type, recorded.data);
    if (!event) continue;
    if (event.type === 'OrderInitiated') {
      order = { ...event.data, status: 'initiated' };
      continue;
    }
    if (!order) continue;
    order.status = orderStatusAfter[event.type];
    if (event.type === 'OrderAwaitingPayment') order.seatsHeldUntil = new Date(event.data.seatsHeldUntil);
  }
  return order;
}
