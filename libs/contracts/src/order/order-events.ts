import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';
import { currencySchema } from '../course/course-events';

/** `order-<id>` streams hold one order's lifecycle; its seats live in the course streams. */
export const orderStreamCategory = 'order';
export const orderStreamName = (orderId: string): string => `${orderStreamCategory}-${orderId}`;

/** What `GET /orders` answers as `status`, and what read models derive from the events below. */
export const orderStatuses = [
  'initiated',
  'awaiting-payment',
  'paid',
  'cancelled',
  'expired',
  'refunded',
  'rejected',
] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

const orderId = z.string().min(1);

/** Price and title as they were when the order was placed: later course edits do not change it. */
export const orderLineSchema = z.object({
  courseId: z.string().min(1),
  title: z.string().min(1),
  priceCents: z.number().int().min(0),
  currency: currencySchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const OrderInitiated = defineContract(
  'OrderInitiated',
  1,
  z.object({
    orderId,
    learnerId: z.string().min(1),
    lines: z.array(orderLineSchema).min(1),
    totalCents: z.number().int().min(0),
    currency: currencySchema,
  }),
);

/** Every line holds a seat; the seats are held until `seatsHeldUntil` unless paid first. */
export const OrderAwaitingPayment = defineContract(
  'OrderAwaitingPayment',
  1,
  z.object({ orderId, seatsHeldUntil: z.string().datetime({ offset: true }) }),
);

export const OrderPaid = defineContract(
  'OrderPaid',
  1,
  z.object({
    orderId,
    /** The payment service's reference (e.g. the checkout session id), when it has one. */
    paymentReference: z.string().min(1).optional(),
  }),
);

export const OrderCancelled = defineContract('OrderCancelled', 1, z.object({ orderId }));

export const OrderExpired = defineContract('OrderExpired', 1, z.object({ orderId }));

export const OrderRefunded = defineContract(
  'OrderRefunded',
  1,
  z.object({ orderId, paymentReference: z.string().min(1).optional() }),
);

/** Placement failed; `courseId` names the line that refused, when one did. */
export const OrderRejected = defineContract(
  'OrderRejected',
  1,
  z.object({
    orderId,
    reason: z.string().min(1),
    courseId: z.string().min(1).optional(),
  }),
);

export type OrderInitiatedData = ContractData<typeof OrderInitiated>;
export type OrderAwaitingPaymentData = ContractData<typeof OrderAwaitingPayment>;
export type OrderPaidData = ContractData<typeof OrderPaid>;
export type OrderCancelledData = ContractData<typeof OrderCancelled>;
export type OrderExpiredData = ContractData<typeof OrderExpired>;
export type OrderRefundedData = ContractData<typeof OrderRefunded>;
export type OrderRejectedData = ContractData<typeof OrderRejected>;

export type OrderEvent = EventOf<typeof orderEventContracts>;

export const orderEventContracts = {
  OrderInitiated,
  OrderAwaitingPayment,
  OrderPaid,
  OrderCancelled,
  OrderExpired,
  OrderRefunded,
  OrderRejected,
} as const;

/** Validates a stored event against its contract; undefined for a type this service does not know. */
export const parseOrderEvent = eventParser(orderEventContracts);

/** The status an order is in after an event of this type (read models and the order decider agree). */
export const orderStatusAfter: Record<OrderEvent['type'], OrderStatus> = {
  OrderInitiated: 'initiated',
  OrderAwaitingPayment: 'awaiting-payment',
  OrderPaid: 'paid',
  OrderCancelled: 'cancelled',
  OrderExpired: 'expired',
  OrderRefunded: 'refunded',
  OrderRejected: 'rejected',
};
