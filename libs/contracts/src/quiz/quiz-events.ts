import { z } from 'zod';
import { defineContract, type ContractData, eventParser, type EventOf } from '../contract';
import { questionIdSchema, questionSchema } from './question';
import { quizSettingsSchema } from './quiz-settings';

/**
 * `quiz-<id>` streams: one quiz's authoring. Edits change the working copy; QuizPublished freezes a
 * snapshot of it as the next version, and attempts are taken against a published version only, so
 * later edits never change a quiz someone is taking or has taken.
 */
export const quizStreamCategory = 'quiz';
export const quizStreamName = (quizId: string): string => `${quizStreamCategory}-${quizId}`;

const quizId = z.string().min(1);
const instant = z.string().datetime({ offset: true });

export const QuizDrafted = defineContract(
  'QuizDrafted',
  1,
  z.object({
    quizId,
    courseId: z.string().min(1),
    /** The course's owner (the instructor the quiz belongs to), whoever drafted it (an admin may). */
    ownerId: z.string().min(1),
    draftedBy: z.string().min(1),
    title: z.string().min(1).max(200),
    settings: quizSettingsSchema,
    draftedAt: instant,
  }),
);

export const QuizSettingsChanged = defineContract(
  'QuizSettingsChanged',
  1,
  z.object({ quizId, title: z.string().min(1).max(200), settings: quizSettingsSchema }),
);

export const QuestionAdded = defineContract(
  'QuestionAdded',
  1,
  z.object({
    quizId,
    question: questionSchema,
    /** Set when the question was copied from the owner's question bank. */
    bankQuestionId: questionIdSchema.optional(),
  }),
);

/** Replaces the whole question with the same id. */
export const QuestionEdited = defineContract(
  'QuestionEdited',
  1,
  z.object({ quizId, question: questionSchema }),
);

export const QuestionRemoved = defineContract(
  'QuestionRemoved',
  1,
  z.object({ quizId, questionId: questionIdSchema }),
);

/** The frozen snapshot that attempts of this version are started and graded against. */
export const QuizPublished = defineContract(
  'QuizPublished',
  1,
  z.object({
    quizId,
    courseId: z.string().min(1),
    ownerId: z.string().min(1),
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    settings: quizSettingsSchema,
    questions: z.array(questionSchema).min(1),
    publishedAt: instant,
  }),
);

/** No new attempts; attempts already started may still be submitted and graded. */
export const QuizArchived = defineContract('QuizArchived', 1, z.object({ quizId }));

export type QuizDraftedData = ContractData<typeof QuizDrafted>;
export type QuizSettingsChangedData = ContractData<typeof QuizSettingsChanged>;
export type QuestionAddedData = ContractData<typeof QuestionAdded>;
export type QuestionEditedData = ContractData<typeof QuestionEdited>;
export type QuestionRemovedData = ContractData<typeof QuestionRemoved>;
export type QuizPublishedData = ContractData<typeof QuizPublished>;
export type QuizArchivedData = ContractData<typeof QuizArchived>;

export const quizEventContracts = {
  QuizDrafted,
  QuizSettingsChanged,
  QuestionAdded,
  QuestionEdited,
  QuestionRemoved,
  QuizPublished,
  QuizArchived,
} as const;

export type QuizEvent = EventOf<typeof quizEventContracts>;

/** Validates a stored event against its contract; undefined for a type this family does not hold. */
export const parseQuizEvent = eventParser(quizEventContracts);
