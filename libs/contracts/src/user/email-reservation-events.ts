import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';

/**
 * The first event of a `useremail-<sha256(email)>` stream. Appended with expected revision
 * `no-stream`, so exactly one registration can hold an email, however many race for it.
 */
export const EmailReserved = defineContract(
  'EmailReserved',
  1,
  z.object({ email: z.string().email(), userId: z.string().min(1) }),
);

export type EmailReservedData = ContractData<typeof EmailReserved>;

export const emailReservationCategory = 'useremail';
