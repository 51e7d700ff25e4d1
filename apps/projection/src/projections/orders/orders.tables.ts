import type { OrderLine, OrderStatus } from '@quizbook/contracts';

export interface OrdersTables {
  read_orders: {
    order_id: string;
    learner_id: string;
    status: OrderStatus;
    total_cents: number;
    currency: string;
    /** JSON array of order lines. */
    lines: string;
    placed_at: string;
    updated_at: string;
    last_position: string | number;
  };
  read_order_history: {
    order_id: string;
    position: string | number;
    status: OrderStatus;
    at: string;
  };
}

export interface OrderView {
  orderId: string;
  learnerId: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  lines: OrderLine[];
  placedAt: string;
  updatedAt: string;
  /** Oldest first. */
  history: { status: OrderStatus; at: string }[];
}
