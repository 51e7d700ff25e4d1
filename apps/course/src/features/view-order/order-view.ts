import { orderStatusAfter, type OrderEvent, type OrderLine, type OrderStatus } from '@quizbook/contracts';
import { notFoundUnlessOwner, type Principal } from '@quizbook/auth';
import type { CourseServices } from '../../course-services';
import type { OrderState } from '../../domain/order/order.decider';
import type { LoadedStream } from '@quizbook/platform';

export interface OrderView {
  orderId: string;
  learnerId: string;
  status: OrderStatus;
  lines: OrderLine[];
  totalCents: number;
  currency: string;
  createdAt: string;
  history: { status: OrderStatus; at: string }[];
  rejection?: { reason: string; courseId?: string };
}

/** The learner's own order, or any for an admin; someone else's answers 404 like a missing one. */
export async function visibleOrder(
  services: CourseServices,
  caller: Principal,
  orderId: string,
): Promise<LoadedStream<OrderState>> {
  const loaded = await services.orders.load(orderId);
  return notFoundUnlessOwner(
    loaded.state.status === 'absent' ? undefined : loaded,
    caller,
    (order) => order.state.learnerId,
    { adminSees: true, detail: 'There is no such order.' },
  );
}

export function orderViewOf({ state, createdAt, history }: LoadedStream<OrderState>): OrderView {
  return {
    orderId: state.orderId!,
    learnerId: state.learnerId!,
    status: state.status as OrderStatus,
    lines: state.lines,
    totalCents: state.totalCents,
    currency: state.currency!,
    createdAt: (createdAt ?? new Date(0)).toISOString(),
    history: history.map(({ type, at }) => ({
      status: orderStatusAfter[type as OrderEvent['type']],
      at: at.toISOString(),
    })),
    ...(state.rejection ? { rejection: state.rejection } : {}),
  };
}
