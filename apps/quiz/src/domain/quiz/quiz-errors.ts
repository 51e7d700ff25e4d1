import type { QuestionIssue } from '../questions/question-rules';

/** Domain refusals of the quiz decider: the HTTP layer maps each to a problem type. */
export class QuizError extends Error {
  constructor(
    readonly quizId: string,
    message: string,
  ) {
    super(message);
  }
}

export class QuizNotFoundError extends QuizError {
  override readonly name = 'QuizNotFoundError';
  constructor(quizId: string) {
    super(quizId, `quiz ${quizId} does not exist`);
  }
}

export class QuizAlreadyExistsError extends QuizError {
  override readonly name = 'QuizAlreadyExistsError';
  constructor(quizId: string) {
    super(quizId, `quiz ${quizId} exists already`);
  }
}

/** An archived quiz is closed: no edit, no publish. */
export class QuizArchivedError extends QuizError {
  override readonly name = 'QuizArchivedError';
  constructor(quizId: string) {
    super(quizId, `quiz ${quizId} is archived`);
  }
}

export class QuizHasNoQuestionsError extends QuizError {
  override readonly name = 'QuizHasNoQuestionsError';
  constructor(quizId: string) {
    super(quizId, `quiz ${quizId} has no questions to publish`);
  }
}

/** A question that breaks a rule the zod shape cannot express; `issues` name the fields. */
export class InvalidQuestionError extends QuizError {
  override readonly name = 'InvalidQuestionError';
  constructor(
    quizId: string,
    readonly issues: QuestionIssue[],
  ) {
    super(quizId, `invalid question: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
}

export class QuestionIdTakenError extends QuizError {
  override readonly name = 'QuestionIdTakenError';
  constructor(
    quizId: string,
    readonly questionId: string,
  ) {
    super(quizId, `quiz ${quizId} already has a question ${questionId}`);
  }
}

export class QuestionNotFoundError extends QuizError {
  override readonly name = 'QuestionNotFoundError';
  constructor(
    quizId: string,
    readonly questionId: string,
  ) {
    super(quizId, `quiz ${quizId} has no question ${questionId}`);
  }
}
