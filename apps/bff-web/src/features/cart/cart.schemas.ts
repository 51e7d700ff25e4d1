import { z } from 'zod';

export const addCartItemBody = z.object({ courseId: z.string().trim().min(1).max(64) }).strict();
export type AddCartItemBody = z.infer<typeof addCartItemBody>;

export const cartView = z.object({
  lines: z.array(
    z.object({
      courseId: z.string(),
      title: z.string(),
      priceCents: z.number().int().describe("The course's price now, not when it was added"),
      currency: z.string(),
      status: z.enum(['draft', 'published', 'archived']),
      seatsLeft: z.number().int(),
      bookable: z.boolean().describe('False when the course closed or filled up since it was added'),
    }),
  ),
  totalCents: z.number().int(),
  currency: z.string().nullable(),
});
