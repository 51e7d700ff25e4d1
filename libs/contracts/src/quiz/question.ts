import { z } from 'zod';

/*
 * A question as authored, with its answer key. Questions travel inside quiz events and question-bank
 * events; the answer key never leaves the quiz service except inside AttemptGraded's per-question
 * results, after grading.
 */

export const questionKinds = [
  'single-choice',
  'multiple-choice',
  'true-false',
  'short-text',
  'numeric',
] as const;
export const questionKindSchema = z.enum(questionKinds);
export type QuestionKind = z.infer<typeof questionKindSchema>;

export const questionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

const optionSchema = z.object({
  optionId: z.string().min(1).max(64),
  text: z.string().min(1).max(1_000),
});
export type QuestionOption = z.infer<typeof optionSchema>;

const questionBase = {
  questionId: questionIdSchema,
  prompt: z.string().min(1).max(5_000),
  points: z.number().positive().max(1_000),
  /** Shown to the learner with the result, after grading. */
  explanation: z.string().max(5_000).default(''),
};

export const singleChoiceQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('single-choice'),
  options: z.array(optionSchema).min(2).max(20),
  correctOptionId: z.string().min(1),
});

/**
 * `all-or-nothing`: the points only for exactly the correct set. `partial`: points x
 * max(0, (right picks - wrong picks) / number of correct options).
 */
export const multipleChoiceScoringSchema = z.enum(['all-or-nothing', 'partial']);

export const multipleChoiceQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('multiple-choice'),
  options: z.array(optionSchema).min(2).max(20),
  correctOptionIds: z.array(z.string().min(1)).min(1),
  scoring: multipleChoiceScoringSchema.default('all-or-nothing'),
});

export const trueFalseQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('true-false'),
  correct: z.boolean(),
});

/** Compared case-insensitively with runs of whitespace collapsed and ends trimmed. */
export const shortTextQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('short-text'),
  acceptedAnswers: z.array(z.string().min(1).max(500)).min(1).max(50),
});

/** Correct when |answer - correct| <= tolerance. */
export const numericQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('numeric'),
  correct: z.number().finite(),
  tolerance: z.number().min(0).finite().default(0),
});

export const questionSchema = z.discriminatedUnion('kind', [
  singleChoiceQuestionSchema,
  multipleChoiceQuestionSchema,
  trueFalseQuestionSchema,
  shortTextQuestionSchema,
  numericQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

/**
 * One learner answer, by question kind: single-choice and short-text a string (option id / text),
 * multiple-choice a list of option ids, true-false a boolean, numeric a number.
 */
export const answerValueSchema = z.union([
  z.string().max(2_000),
  z.array(z.string().max(64)).max(20),
  z.boolean(),
  z.number().finite(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** questionId -> answer; an unanswered question is simply absent. */
export const answersSchema = z.record(questionIdSchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

/** What a learner sees while taking a quiz: the question without its answer key or explanation. */
export const learnerQuestionSchema = z.object({
  questionId: questionIdSchema,
  kind: questionKindSchema,
  prompt: z.string(),
  points: z.number(),
  options: z.array(optionSchema).optional(),
});
export type LearnerQuestion = z.infer<typeof learnerQuestionSchema>;
