import { randomUUID } from 'node:crypto';
import { orderStreamName, type OrderLine } from '@quizbook/contracts';
import { ProblemError, unprocessable } from '@quizbook/platform';
import type { CourseServices } from '../../course-services';
import { CourseNotFoundError, CourseNotOpenError } from '../../domain/course/course-errors';
import { asCourseProblem } from '../../http/course-problems';
import { completePlacement, type PlacementOutcome } from './complete-placement';
import type { StoredResponse } from './idempotency-keys';
import { requestHash } from './idempotency-keys';
import type { PlaceOrderBody } from './place-order.dto';

/**
 * POST /orders. With an Idempotency-Key, the first request to claim the key places the order and
 * stores its answer; a repeat with the same body gets that answer (same order, same status code),
 * one with another body is refused. Concurrent repeats in this process queue behind the first.
 */
export async function placeOrder(
  services: CourseServices,
  learnerId: string,
  body: PlaceOrderBody,
  idempotencyKey: string | undefined,
): Promise<StoredResponse> {
  if (idempotencyKey === undefined) return answerOf(() => place(services, learnerId, body, randomUUID()));
  const claim = await services.idempotencyKeys.claim(
    learnerId,
    idempotencyKey,
    requestHash(body),
    randomUUID(),
  );
  if (claim.kind === 'reused')
    throw unprocessable('This Idempotency-Key was used with another request body.', {
      type: 'idempotency-key-reused',
    });
  if (claim.kind === 'replay') return claim.response;
  return services.mutex.run(`idempotency:${learnerId}:${idempotencyKey}`, async () => {
    const stored = await services.idempotencyKeys.stored(learnerId, idempotencyKey);
    if (stored) return stored;
    // Still pending: this request claimed the key, or the one that did died; the order id is the
    // claimed one either way, and placing it again resumes it rather than placing a second order.
    const response = await answerOf(() => place(services, learnerId, body, claim.orderId));
    await services.idempotencyKeys.complete(learnerId, idempotencyKey, response);
    return response;
  });
}

async function place(
  services: CourseServices,
  learnerId: string,
  body: PlaceOrderBody,
  orderId: string,
): Promise<StoredResponse> {
  const existing = await services.orders.load(orderId);
  if (existing.state.status === 'absent') {
    const lines = await linesFor(services, learnerId, body);
    await services.orders.handle(
      orderId,
      { type: 'InitiateOrder', orderId, learnerId, lines },
      { eventName: (event) => `${orderId}:${event.type}` },
    );
  }
  const outcome = await completePlacement(services, orderId);
  if (outcome.status === 'awaiting-payment') {
    const { state } = await services.orders.load(orderId);
    await services.carts.remove(
      learnerId,
      state.lines.map((line) => line.courseId),
    );
  }
  await readModelCaughtUp(services, orderId);
  return responseOf(outcome);
}

/** The learner's cart (or the chosen part of it) at today's prices. */
async function linesFor(
  services: CourseServices,
  learnerId: string,
  body: PlaceOrderBody,
): Promise<OrderLine[]> {
  const cart = await services.carts.courseIds(learnerId);
  const chosen = body.courseIds ?? cart;
  if (chosen.length === 0) throw unprocessable('The cart is empty.', { type: 'cart-empty' });
  const missing = chosen.filter((courseId) => !cart.includes(courseId));
  if (missing.length > 0)
    throw unprocessable(`Not in the cart: ${missing.join(', ')}.`, {
      type: 'not-in-cart',
      extensions: { missing },
    });
  const lines: OrderLine[] = [];
  for (const courseId of new Set(chosen)) {
    const { state } = await services.courses.load(courseId);
    if (state.status === 'absent') throw new CourseNotFoundError(courseId);
    if (state.status !== 'published') throw new CourseNotOpenError(courseId, state.status);
    const { title, priceCents, currency } = state.details!;
    lines.push({ courseId, title, priceCents, currency });
  }
  return lines;
}

const rejectionDetails: Record<string, string> = {
  'course-full': 'has no seat left',
  'course-not-open': 'is not open for booking',
  'seat-already-held': 'already holds a seat of yours',
  'course-not-found': 'does not exist',
};

function responseOf(outcome: PlacementOutcome): StoredResponse {
  if (outcome.status !== 'rejected')
    return { status: 201, body: { orderId: outcome.orderId, status: outcome.status } };
  const reason = outcome.rejection?.reason ?? 'seat-refused';
  const courseId = outcome.rejection?.courseId;
  const problem = new ProblemError({
    status: 409,
    type: reason,
    detail: `Course ${courseId ?? ''} ${rejectionDetails[reason] ?? 'refused a seat'}; the order was rejected and no seat is held.`,
    extensions: { orderId: outcome.orderId, orderStatus: 'rejected', ...(courseId ? { courseId } : {}) },
  });
  return { status: 409, body: { ...problem.problem } };
}

/** Client refusals become answers (stored with the key); server faults stay errors (not stored). */
async function answerOf(work: () => Promise<StoredResponse>): Promise<StoredResponse> {
  try {
    return await work();
  } catch (error) {
    const problem = asCourseProblem(error);
    if (problem instanceof ProblemError && problem.problem.status < 500)
      return { status: problem.problem.status, body: { ...problem.problem } };
    throw problem;
  }
}

/** So the learner's next GET /orders lists this order; bounded, as the list is only a read model. */
async function readModelCaughtUp(services: CourseServices, orderId: string): Promise<void> {
  const orderList = services.orderList;
  if (!orderList) return;
  const [last] = await services.eventStore.readStream(orderStreamName(orderId), {
    direction: 'backwards',
    maxCount: 1,
  });
  if (!last) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    orderList.waitFor(last.position).catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
  ]);
  clearTimeout(timer);
}
