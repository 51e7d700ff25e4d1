import { orderLineSchema, orderStatuses } from '@quizbook/contracts';
import { z } from 'zod';

export const placeOrderBody = z
  .object({
    courseIds: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(50)
      .optional()
      .describe('Order only these courses of the cart; without it, the whole cart'),
  })
  .strict();
export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, hashes). */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const listOrdersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

const status = z.enum(orderStatuses);
export const orderPlaced = z.object({ orderId: z.string(), status });
export const orderCancelled = orderPlaced;

export const orderView = z.object({
  orderId: z.string(),
  learnerId: z.string(),
  status,
  lines: z.array(orderLineSchema),
  totalCents: z.number().int(),
  currency: z.string(),
  createdAt: z.string().datetime(),
  history: z.array(z.object({ status, at: z.string().datetime() })),
  rejection: z.object({ reason: z.string(), courseId: z.string().optional() }).optional(),
});

export const orderList = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      learnerId: z.string(),
      status,
      totalCents: z.number().int(),
      currency: z.string(),
      lines: z.array(orderLineSchema),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

export const checkoutSession = z.object({
  checkoutUrl: z.string().url().describe('Send the learner there to pay'),
  sessionId: z.string(),
  expiresAt: z.string().datetime(),
});
