import type { OrderEvent, OrderLine, OrderStatus } from '@quizbook/contracts';
import {
  DuplicateOrderLineError,
  EmptyOrderError,
  MixedCurrenciesError,
  OrderAlreadyExistsError,
  OrderNotFoundError,
  OrderTransitionRefusedError,
} from './order-errors';

export interface OrderState {
  status: OrderStatus | 'absent';
  orderId?: string;
  learnerId?: string;
  lines: OrderLine[];
  totalCents: number;
  currency?: string;
  /** Why placement failed, once rejected. */
  rejection?: { reason: string; courseId?: string };
  /** The checkout session that paid, once paid: a second session's payment is not this booking's. */
  paymentReference?: string;
}

export type OrderCommand =
  | { type: 'InitiateOrder'; orderId: string; learnerId: string; lines: OrderLine[] }
  | { type: 'AwaitPayment'; orderId: string; seatsHeldUntil: string }
  | { type: 'RejectOrder'; orderId: string; reason: string; courseId?: string }
  | { type: 'CancelOrder'; orderId: string }
  | { type: 'ExpireOrder'; orderId: string }
  | { type: 'MarkOrderPaid'; orderId: string; paymentReference?: string }
  | { type: 'RefundOrder'; orderId: string; paymentReference?: string };

export const initialState = (): OrderState => ({ status: 'absent', lines: [], totalCents: 0 });

/** Statuses after which the order holds no seat. */
export const seatlessStatuses: readonly OrderStatus[] = ['cancelled', 'expired', 'rejected', 'refunded'];

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderInitiated': {
      const { orderId, learnerId, lines, totalCents, currency } = event.data;
      return { status: 'initiated', orderId, learnerId, lines, totalCents, currency };
    }
    case 'OrderAwaitingPayment':
      return { ...state, status: 'awaiting-payment' };
    case 'OrderPaid': {
      const { paymentReference } = event.data;
      return { ...state, status: 'paid', ...(paymentReference ? { paymentReference } : {}) };
    }
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
    case 'OrderExpired':
      return { ...state, status: 'expired' };
    case 'OrderRefunded':
      return { ...state, status: 'refunded' };
    case 'OrderRejected': {
      const { reason, courseId } = event.data;
      return { ...state, status: 'rejected', rejection: { reason, ...(courseId ? { courseId } : {}) } };
    }
  }
}

/** The statuses each target may be reached from; reaching the status one is in decides nothing. */
const allowedFrom: Record<Exclude<OrderStatus, 'initiated'>, readonly OrderStatus[]> = {
  'awaiting-payment': ['initiated'],
  rejected: ['initiated'],
  cancelled: ['initiated', 'awaiting-payment'],
  expired: ['initiated', 'awaiting-payment'],
  paid: ['awaiting-payment'],
  refunded: ['paid'],
};

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  const { orderId } = command;
  if (command.type === 'InitiateOrder') return initiate(command, state);
  if (state.status === 'absent') throw new OrderNotFoundError(orderId);
  switch (command.type) {
    case 'AwaitPayment':
      return transition(state, 'awaiting-payment', () => ({
        type: 'OrderAwaitingPayment',
        data: { orderId, seatsHeldUntil: command.seatsHeldUntil },
      }));
    case 'RejectOrder':
      return transition(state, 'rejected', () => ({
        type: 'OrderRejected',
        data: {
          orderId,
          reason: command.reason,
          ...(command.courseId ? { courseId: command.courseId } : {}),
        },
      }));
    case 'CancelOrder':
      return transition(state, 'cancelled', () => ({ type: 'OrderCancelled', data: { orderId } }));
    case 'ExpireOrder':
      return transition(state, 'expired', () => ({ type: 'OrderExpired', data: { orderId } }));
    case 'MarkOrderPaid':
      return transition(state, 'paid', () => ({
        type: 'OrderPaid',
        data: {
          orderId,
          ...(command.paymentReference ? { paymentReference: command.paymentReference } : {}),
        },
      }));
    case 'RefundOrder':
      return transition(state, 'refunded', () => ({
        type: 'OrderRefunded',
        data: {
          orderId,
          ...(command.paymentReference ? { paymentReference: command.paymentReference } : {}),
        },
      }));
  }
}

function initiate(
  command: Extract<OrderCommand, { type: 'InitiateOrder' }>,
  state: OrderState,
): OrderEvent[] {
  const { orderId, learnerId, lines } = command;
  if (state.status !== 'absent') throw new OrderAlreadyExistsError(orderId);
  if (lines.length === 0) throw new EmptyOrderError(orderId);
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.courseId)) throw new DuplicateOrderLineError(orderId, line.courseId);
    seen.add(line.courseId);
  }
  const currency = lines[0]!.currency;
  if (lines.some((line) => line.currency !== currency)) throw new MixedCurrenciesError(orderId);
  const totalCents = lines.reduce((sum, line) => sum + line.priceCents, 0);
  return [{ type: 'OrderInitiated', data: { orderId, learnerId, lines, totalCents, currency } }];
}

function transition(
  state: OrderState,
  to: Exclude<OrderStatus, 'initiated'>,
  event: () => OrderEvent,
): OrderEvent[] {
  const from = state.status as OrderStatus;
  if (from === to) return [];
  if (!allowedFrom[to].includes(from)) throw new OrderTransitionRefusedError(state.orderId!, from, to);
  return [event()];
}

export const orderDecider = { initialState, evolve, decide };
