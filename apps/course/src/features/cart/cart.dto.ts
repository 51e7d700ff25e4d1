import { z } from 'zod';

export const addCartItemBody = z.object({ courseId: z.string().trim().min(1).max(64) }).strict();

export type AddCartItemBody = z.infer<typeof addCartItemBody>;
