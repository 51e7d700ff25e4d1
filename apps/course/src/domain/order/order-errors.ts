import type { OrderStatus } from '@quizbook/contracts';

/** Domain refusals of the order decider: the HTTP layer maps each to a problem type. */
export class OrderError extends Error {
  constructor(
    readonly orderId: string,
    message: string,
  ) {
    super(message);
  }
}

export class OrderNotFoundError extends OrderError {
  override readonly name = 'OrderNotFoundError';
  constructor(orderId: string) {
    super(orderId, `order ${orderId} does not exist`);
  }
}

export class OrderAlreadyExistsError extends OrderError {
  override readonly name = 'OrderAlreadyExistsError';
  constructor(orderId: string) {
    super(orderId, `order ${orderId} exists already`);
  }
}

export class EmptyOrderError extends OrderError {
  override readonly name = 'EmptyOrderError';
  constructor(orderId: string) {
    super(orderId, `order ${orderId} has no lines`);
  }
}

export class DuplicateOrderLineError extends OrderError {
  override readonly name = 'DuplicateOrderLineError';
  constructor(
    orderId: string,
    readonly courseId: string,
  ) {
    super(orderId, `order ${orderId} lists course ${courseId} twice`);
  }
}

/** One order is paid in one currency. */
export class MixedCurrenciesError extends OrderError {
  override readonly name = 'MixedCurrenciesError';
  constructor(orderId: string) {
    super(orderId, `order ${orderId} mixes currencies`);
  }
}

/** The order is in a state the requested step cannot start from (cancel a paid order, pay an expired one). */
export class OrderTransitionRefusedError extends OrderError {
  override readonly name = 'OrderTransitionRefusedError';
  constructor(
    orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(orderId, `order ${orderId} is ${from}; it cannot become ${to}`);
  }
}
