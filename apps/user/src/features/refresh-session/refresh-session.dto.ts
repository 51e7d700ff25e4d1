import { z } from 'zod';

export const refreshTokenBody = z.object({ refreshToken: z.string().min(1).max(200) });
