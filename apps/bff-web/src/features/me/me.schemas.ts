import { z } from 'zod';

export const profile = z.object({
  userId: z.string(),
  email: z.string().email(),
  name: z.string(),
  roles: z.array(z.enum(['learner', 'instructor', 'admin'])),
  createdAt: z.string().datetime(),
});
