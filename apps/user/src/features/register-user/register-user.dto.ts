import { z } from 'zod';
import { passwordProblem } from '../../domain/password-policy';

export const registerUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: `password ${problem}` });
  }),
  name: z.string().trim().min(1).max(100),
});

export type RegisterUserBody = z.infer<typeof registerUserBody>;
