import { z } from 'zod';

/**
 * `grade-at-deadline`: an answer sheet that arrives after the deadline is accepted and graded as if
 * submitted at the deadline (its finish time is the deadline). `refuse`: it is refused, and the
 * attempt is closed as expired.
 */
export const lateSubmissionRules = ['grade-at-deadline', 'refuse'] as const;
export const lateSubmissionRuleSchema = z.enum(lateSubmissionRules);
export type LateSubmissionRule = z.infer<typeof lateSubmissionRuleSchema>;

export const quizSettingsSchema = z.object({
  timeLimitSeconds: z.number().int().min(30).max(86_400),
  attemptsAllowed: z.number().int().min(1).max(100),
  passMarkPercent: z.number().min(0).max(100),
  shuffleQuestions: z.boolean(),
  lateSubmission: lateSubmissionRuleSchema,
});
export type QuizSettings = z.infer<typeof quizSettingsSchema>;

export const defaultQuizSettings: QuizSettings = {
  timeLimitSeconds: 600,
  attemptsAllowed: 3,
  passMarkPercent: 50,
  shuffleQuestions: false,
  lateSubmission: 'grade-at-deadline',
};
