import type { OrderEvent, OrderLine, OrderStatus } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import { orderDecider, type OrderCommand, type OrderState } from './order.decider';
import {
  DuplicateOrderLineError,
  EmptyOrderError,
  MixedCurrenciesError,
  OrderAlreadyExistsError,
  OrderNotFoundError,
  OrderTransitionRefusedError,
} from './order-errors';

const spec = deciderSpec<OrderState, OrderCommand, OrderEvent>(orderDecider);
const orderId = 'o-1';
const learnerId = 'l-1';
const lines: OrderLine[] = [
  { courseId: 'c-1', title: 'Event sourcing', priceCents: 4900, currency: 'EUR' },
  { courseId: 'c-2', title: 'CQRS', priceCents: 2500, currency: 'EUR' },
];
const seatsHeldUntil = '2030-01-01T10:30:00.000Z';

const initiated: OrderEvent = {
  type: 'OrderInitiated',
  data: { orderId, learnerId, lines, totalCents: 7400, currency: 'EUR' },
};
const eventOf: Record<Exclude<OrderStatus, 'initiated'>, OrderEvent> = {
  'awaiting-payment': { type: 'OrderAwaitingPayment', data: { orderId, seatsHeldUntil } },
  paid: { type: 'OrderPaid', data: { orderId } },
  cancelled: { type: 'OrderCancelled', data: { orderId } },
  expired: { type: 'OrderExpired', data: { orderId } },
  refunded: { type: 'OrderRefunded', data: { orderId } },
  rejected: { type: 'OrderRejected', data: { orderId, reason: 'course-full', courseId: 'c-2' } },
};
/** The events that bring an order into each status, along the only paths the decider allows. */
const historyOf: Record<OrderStatus, OrderEvent[]> = {
  initiated: [initiated],
  'awaiting-payment': [initiated, eventOf['awaiting-payment']],
  paid: [initiated, eventOf['awaiting-payment'], eventOf.paid],
  refunded: [initiated, eventOf['awaiting-payment'], eventOf.paid, eventOf.refunded],
  cancelled: [initiated, eventOf.cancelled],
  expired: [initiated, eventOf['awaiting-payment'], eventOf.expired],
  rejected: [initiated, eventOf.rejected],
};
const commandFor: Record<Exclude<OrderStatus, 'initiated'>, OrderCommand> = {
  'awaiting-payment': { type: 'AwaitPayment', orderId, seatsHeldUntil },
  paid: { type: 'MarkOrderPaid', orderId },
  cancelled: { type: 'CancelOrder', orderId },
  expired: { type: 'ExpireOrder', orderId },
  refunded: { type: 'RefundOrder', orderId },
  rejected: { type: 'RejectOrder', orderId, reason: 'course-full', courseId: 'c-2' },
};
const allowed: Record<Exclude<OrderStatus, 'initiated'>, OrderStatus[]> = {
  'awaiting-payment': ['initiated'],
  rejected: ['initiated'],
  cancelled: ['initiated', 'awaiting-payment'],
  expired: ['initiated', 'awaiting-payment'],
  paid: ['awaiting-payment'],
  refunded: ['paid'],
};
const statuses = Object.keys(historyOf) as OrderStatus[];
const targets = Object.keys(commandFor) as Exclude<OrderStatus, 'initiated'>[];

describe('order decider', () => {
  describe('InitiateOrder', () => {
    it('initiates an order with its lines and total', () => {
      spec.given([]).when({ type: 'InitiateOrder', orderId, learnerId, lines }).then([initiated]);
    });

    it('refuses an order id twice', () => {
      spec
        .given([initiated])
        .when({ type: 'InitiateOrder', orderId, learnerId, lines })
        .thenThrows((error) => error instanceof OrderAlreadyExistsError);
    });

    it('refuses an order without lines', () => {
      spec
        .given([])
        .when({ type: 'InitiateOrder', orderId, learnerId, lines: [] })
        .thenThrows((error) => error instanceof EmptyOrderError);
    });

    it('refuses the same course twice', () => {
      spec
        .given([])
        .when({ type: 'InitiateOrder', orderId, learnerId, lines: [lines[0]!, lines[0]!] })
        .thenThrows((error) => error instanceof DuplicateOrderLineError);
    });

    it('refuses lines in different currencies', () => {
      spec
        .given([])
        .when({
          type: 'InitiateOrder',
          orderId,
          learnerId,
          lines: [lines[0]!, { ...lines[1]!, currency: 'USD' }],
        })
        .thenThrows((error) => error instanceof MixedCurrenciesError);
    });
  });

  describe.each(targets)('to %s', (target) => {
    for (const from of statuses) {
      if (from === target) {
        it(`decides nothing when ${target} already`, () => {
          spec.given(historyOf[from]).when(commandFor[target]).then([]);
        });
      } else if (allowed[target].includes(from)) {
        it(`moves from ${from}`, () => {
          spec.given(historyOf[from]).when(commandFor[target]).then([eventOf[target]]);
        });
      } else {
        it(`refuses from ${from}`, () => {
          spec
            .given(historyOf[from])
            .when(commandFor[target])
            .thenThrows(
              (error) =>
                error instanceof OrderTransitionRefusedError && error.from === from && error.to === target,
            );
        });
      }
    }

    it('refuses an unknown order', () => {
      spec
        .given([])
        .when(commandFor[target])
        .thenThrows((error) => error instanceof OrderNotFoundError);
    });
  });

  describe('the payment that paid', () => {
    it('is remembered, so a second checkout session paying the same order is told apart', () => {
      const paid: OrderEvent = { type: 'OrderPaid', data: { orderId, paymentReference: 'cs_1' } };
      const state = [initiated, eventOf['awaiting-payment'], paid].reduce(
        orderDecider.evolve,
        orderDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'paid', paymentReference: 'cs_1' });
      spec
        .given([initiated, eventOf['awaiting-payment'], paid])
        .when({ type: 'MarkOrderPaid', orderId, paymentReference: 'cs_2' })
        .then([]);
    });
  });
});
