import { z } from 'zod';
import { defineContract, type ContractData } from '../contract';

/**
 * The quiz app publishes each accepted submission here and grades it from here (competing
 * consumers). The message id is the AttemptSubmitted event's id, so a republish is a duplicate; the
 * grader reads the attempt stream and grades only what is submitted and not yet graded.
 */
export const quizSubmissionsTopic = 'quiz-submissions';

export const AttemptSubmissionReceived = defineContract(
  'AttemptSubmissionReceived',
  1,
  z.object({ attemptId: z.string().min(1) }),
);

export type AttemptSubmissionReceivedData = ContractData<typeof AttemptSubmissionReceived>;
