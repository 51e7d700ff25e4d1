import { z } from 'zod';

export const roleGrantBody = z.object({ role: z.enum(['learner', 'instructor', 'admin']) });
export type RoleGrantBody = z.infer<typeof roleGrantBody>;
