import {
  answersSchema,
  learnerQuestionSchema,
  questionIdSchema,
  questionOutcomes,
  questionSchema,
  quizSettingsSchema,
} from '@quizbook/contracts';
import { z } from 'zod';

// The quiz service owns the rules; the edge refuses early only what it could never accept, with the
// contracts' own schemas, so both name the same field for the same mistake.

/** Ids the services mint (UUIDs, derived ids): anything else in a path is a typo or a probe. */
export const resourceId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, ".", ":", "-" and "_" only');

export const idParams = z.object({ id: resourceId });
export type IdParams = z.infer<typeof idParams>;
export const quizQuestionParams = z.object({ id: resourceId, questionId: questionIdSchema });
export type QuizQuestionParams = z.infer<typeof quizQuestionParams>;
export const bankQuestionParams = z.object({ questionId: questionIdSchema });
export type BankQuestionParams = z.infer<typeof bankQuestionParams>;

const title = z.string().trim().min(1).max(200);
const settingsPatch = quizSettingsSchema
  .partial()
  .strict()
  .describe('Only the settings to change; the rest keep their value (or the defaults on a new quiz)');

export const createQuizBody = z
  .object({
    title,
    settings: settingsPatch.optional(),
    questions: z.array(questionSchema).max(200).optional(),
  })
  .strict();
export type CreateQuizBody = z.infer<typeof createQuizBody>;

export const editQuizBody = z
  .object({ title: title.optional(), settings: settingsPatch.optional() })
  .strict();
export type EditQuizBody = z.infer<typeof editQuizBody>;

export const addQuestionBody = z
  .object({
    question: questionSchema.optional(),
    bankQuestionId: questionIdSchema.optional().describe("Copy this question from the caller's bank"),
    questionId: questionIdSchema
      .optional()
      .describe('With bankQuestionId: the id the copy gets in this quiz'),
  })
  .strict()
  .refine((body) => (body.question === undefined) !== (body.bankQuestionId === undefined), {
    message: 'give either a question or a bankQuestionId, not both',
    path: ['question'],
  })
  .refine((body) => body.questionId === undefined || body.bankQuestionId !== undefined, {
    message: 'only with bankQuestionId: a new question carries its own id',
    path: ['questionId'],
  })
  .describe('Either `question`, or `bankQuestionId` (and optionally the `questionId` of the copy)');
export type AddQuestionBody = z.infer<typeof addQuestionBody>;

export const replaceQuestionBody = z.object({ question: questionSchema }).strict();
export type ReplaceQuestionBody = z.infer<typeof replaceQuestionBody>;

const tags = z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20);
export const bankQuestionBody = z.object({ question: questionSchema, tags: tags.optional() }).strict();
export type BankQuestionBody = z.infer<typeof bankQuestionBody>;
export const replaceBankQuestionBody = z.object({ question: questionSchema }).strict();
export type ReplaceBankQuestionBody = z.infer<typeof replaceBankQuestionBody>;

// Rows are not validated here: the quiz service answers every bad row at once (422 import-rejected
// with `rows`), which a 400 on the first bad row at the edge would hide.
const importId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
  .optional()
  .describe('Importing again with the same id changes nothing');
/** A bare JSON array is taken as `{format: 'json', questions}`, as the quiz service takes it. */
export const importQuestionsBody = z.preprocess(
  (body) => (Array.isArray(body) ? { format: 'json', questions: body } : body),
  z.discriminatedUnion('format', [
    z
      .object({
        format: z.literal('json'),
        importId,
        questions: z
          .array(z.unknown())
          .max(1_000)
          .describe('Questions as `question` takes them; questionId optional'),
      })
      .strict(),
    z
      .object({
        format: z.literal('csv'),
        importId,
        csv: z
          .string()
          .max(2_000_000)
          .describe(
            'A header row naming the columns (kind, prompt and correct required; questionId, points, options, ' +
              'tolerance, scoring, explanation optional), then one question a row; see docs/quizzes.md',
          ),
      })
      .strict(),
  ]),
);
export type ImportQuestionsBody = z.infer<typeof importQuestionsBody>;

export const submitAttemptBody = z
  .object({
    answers: answersSchema.describe(
      'questionId -> answer: an option id (single choice), option ids (multiple choice), a boolean ' +
        '(true/false), text (short text) or a number (numeric); leave a question out to skip it',
    ),
  })
  .strict();
export type SubmitAttemptBody = z.infer<typeof submitAttemptBody>;

export const scoreboardQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).optional().describe('At most this many entries'),
});
export type ScoreboardQuery = z.infer<typeof scoreboardQuery>;

export const progressQuery = z.object({
  learnerId: resourceId.optional().describe("The course owner or an admin: this learner's progress"),
});
export type ProgressQuery = z.infer<typeof progressQuery>;

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, hashes). */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

// Answers: documented from the same contracts the services answer with.

const instant = z.string().datetime();
const quizStatus = z.enum(['draft', 'published', 'archived']);

const quizShape = {
  quizId: z.string(),
  courseId: z.string(),
  title: z.string(),
  status: quizStatus,
  settings: quizSettingsSchema
    .partial()
    .describe('A learner sees the time limit, attempts, pass mark and late rule'),
  // Owner and admin only:
  ownerId: z.string().optional(),
  latestVersion: z.number().int().nullable().optional().describe('Owner: the last published version'),
  publishedAt: instant.nullable().optional(),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: instant })).optional(),
  hasUnpublishedChanges: z.boolean().optional(),
  revision: z.number().int().optional().describe('Owner: the version the ETag names'),
  // Learner only:
  version: z.number().int().optional().describe('Learner: the published version shown'),
  totalPoints: z.number().optional(),
};

export const quizView = z
  .object({
    ...quizShape,
    copiedFromBank: z
      .record(z.string())
      .optional()
      .describe('Owner: questionId -> the bank question it copies'),
    questions: z
      .array(z.union([questionSchema, learnerQuestionSchema]))
      .describe('Owner: the working copy with answer keys. Learner: the published questions without them'),
  })
  .describe('Owner and admin: the working copy; an enrolled learner: the latest published version');

export const quizList = z.object({
  courseId: z.string(),
  quizzes: z
    .array(z.object({ ...quizShape, questionCount: z.number().int() }))
    .describe('Owner: every quiz, drafts and archived ones too. Learner: the published ones'),
});

export const quizPublished = z.object({
  quizId: z.string(),
  version: z.number().int(),
  publishedAt: instant,
});

export const bankView = z.object({
  ownerId: z.string(),
  questions: z.array(
    z.object({ question: questionSchema, tags: z.array(z.string()), importId: z.string().optional() }),
  ),
  revision: z.number().int().describe('The version the ETag names'),
});
export const importAccepted = z.object({ importId: z.string(), imported: z.number().int() });

export const attemptStarted = z.object({
  attemptId: z.string(),
  attemptNumber: z.number().int(),
  quizId: z.string(),
  quizVersion: z.number().int(),
  startedAt: instant,
  deadline: instant.describe("The server's deadline: later answers follow the quiz's late rule"),
  questions: z.array(learnerQuestionSchema).describe('Without answers; shuffled when the quiz says so'),
});

export const attemptSubmitted = z.object({
  attemptId: z.string(),
  status: z.literal('submitted'),
  submittedAt: instant,
  late: z.boolean(),
});

const attemptStatus = z.enum(['in-progress', 'submitted', 'graded', 'expired']);

export const attemptView = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  quizVersion: z.number().int(),
  courseId: z.string(),
  learnerId: z.string(),
  attemptNumber: z.number().int(),
  status: attemptStatus,
  startedAt: instant,
  deadline: instant,
  questions: z.array(learnerQuestionSchema).describe("In the attempt's order, without answer keys"),
  submittedAt: instant.optional(),
  late: z.boolean().optional(),
  answers: answersSchema.optional().describe('Once submitted'),
  closedAt: instant.optional().describe('When it expired without an accepted submission'),
  scorePoints: z.number().optional().describe('Once graded'),
  maxPoints: z.number().optional(),
  scorePercent: z.number().optional(),
  passed: z.boolean().optional(),
  gradedAt: instant.optional(),
  results: z
    .array(
      z.object({
        questionId: z.string(),
        outcome: z.enum(questionOutcomes),
        awardedPoints: z.number(),
        maxPoints: z.number(),
        explanation: z.string(),
        yourAnswer: z.unknown().describe('What the learner answered; null when skipped'),
      }),
    )
    .optional()
    .describe('Once graded, per question'),
});

export const attemptList = z.object({
  quizId: z.string(),
  attempts: z.array(
    z.object({
      attemptId: z.string(),
      attemptNumber: z.number().int(),
      quizVersion: z.number().int(),
      status: attemptStatus,
      startedAt: instant,
      deadline: instant,
      submittedAt: instant.optional(),
      scorePercent: z.number().optional().describe('Once graded'),
      passed: z.boolean().optional(),
    }),
  ),
});

export const scoreboard = z.object({
  quizId: z.string(),
  title: z.string(),
  entries: z.array(
    z.object({
      rank: z.number().int(),
      learnerId: z.string(),
      learnerName: z.string(),
      scorePercent: z.number(),
      passed: z.boolean(),
      finishedAt: instant,
      attempts: z.number().int(),
    }),
  ),
});

export const courseProgress = z.object({
  courseId: z.string(),
  quizzes: z.array(
    z.object({
      quizId: z.string(),
      title: z.string(),
      bestScorePercent: z.number().nullable(),
      passed: z.boolean(),
      attempts: z.number().int(),
    }),
  ),
});

export const quizEtagHeader = { etag: 'The quiz stream revision, weak (`W/"3"`): send it as If-Match' };
export const ifMatchHeader = (required: boolean) => ({
  'if-match': {
    description: required
      ? 'The ETag of the version you edited; 428 without it, 412 when stale'
      : 'Optional: act only on this version (412 when stale)',
    required,
  },
});
