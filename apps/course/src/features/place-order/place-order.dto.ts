import { z } from 'zod';

/** Optional: order only these courses of the cart; without it, the whole cart. */
export const placeOrderBody = z
  .object({ courseIds: z.array(z.string().trim().min(1).max(64)).min(1).max(50).optional() })
  .strict()
  .default({});

export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, hashes). */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
