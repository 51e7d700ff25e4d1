import { z } from 'zod';

// The user service owns the full password policy (character classes...); the edge refuses early
// only what can never pass, so both answer the same problem for the same field.
const password = z.string().min(10).max(256);
const email = z.string().trim().email().max(254);

export const registerBody = z.object({ email, password, name: z.string().trim().min(1).max(100) });
export const loginBody = z.object({ email, password: z.string().min(1).max(256) });
export const refreshBody = z.object({ refreshToken: z.string().min(1).max(4096) });
export const logoutBody = refreshBody;

export const registered = z.object({ userId: z.string() });
export const tokenPair = z.object({
  accessToken: z.string().describe('Bearer token for every protected route'),
  refreshToken: z.string().describe('Single use: exchange it once at /api/auth/refresh'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
});

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type RefreshBody = z.infer<typeof refreshBody>;
