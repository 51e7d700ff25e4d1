import { z } from 'zod';

export const enrollmentList = z.object({
  items: z.array(
    z.object({
      learnerId: z.string(),
      courseId: z.string(),
      title: z.string().optional(),
      orderId: z.string(),
      status: z.enum(['active', 'revoked']).describe('revoked: the payment was refunded'),
      enrolledAt: z.string().datetime(),
      revokedAt: z.string().datetime().optional(),
    }),
  ),
});
