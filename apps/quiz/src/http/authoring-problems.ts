import {
  answeringWith,
  concurrencyProblem,
  conflict,
  notFound,
  ProblemError,
  unprocessable,
  validationFailed,
} from '@quizbook/platform';
import {
  BankQuestionIdTakenError,
  BankQuestionNotFoundError,
  ImportRejectedError,
  InvalidBankQuestionError,
} from '../domain/question-bank/question-bank-errors';
import {
  InvalidQuestionError,
  QuestionIdTakenError,
  QuestionNotFoundError,
  QuizAlreadyExistsError,
  QuizArchivedError,
  QuizHasNoQuestionsError,
  QuizNotFoundError,
} from '../domain/quiz/quiz-errors';

export const quizNotFound = () => notFound('There is no such quiz.', { type: 'quiz-not-found' });
export const courseNotFound = () => notFound('There is no such course.', { type: 'course-not-found' });

/** Authoring refusals as problems with stable types; anything else propagates as the 500 it is. */
export function asAuthoringProblem(error: unknown): unknown {
  if (error instanceof ProblemError) return error;
  if (error instanceof QuizNotFoundError) return quizNotFound();
  if (error instanceof QuizAlreadyExistsError)
    return conflict('The quiz exists already.', { type: 'quiz-exists' });
  if (error instanceof QuizArchivedError)
    return conflict('The quiz is archived and can no longer change.', { type: 'quiz-archived' });
  if (error instanceof QuizHasNoQuestionsError)
    return conflict('A quiz needs at least one question to be published.', { type: 'quiz-has-no-questions' });
  if (error instanceof InvalidQuestionError || error instanceof InvalidBankQuestionError)
    return validationFailed(error.issues, 'The question is invalid.');
  if (error instanceof QuestionIdTakenError || error instanceof BankQuestionIdTakenError)
    return conflict(`There is a question ${error.questionId} already; pick another id.`, {
      type: 'question-id-taken',
      extensions: { questionId: error.questionId },
    });
  if (error instanceof QuestionNotFoundError)
    return notFound('The quiz has no such question.', { type: 'question-not-found' });
  if (error instanceof BankQuestionNotFoundError)
    return notFound('Your question bank has no such question.', { type: 'bank-question-not-found' });
  if (error instanceof ImportRejectedError)
    return unprocessable(`Nothing was imported: ${error.rows.length} problem(s) in the rows listed.`, {
      type: 'import-rejected',
      extensions: { rows: error.rows },
    });
  return (
    concurrencyProblem(error, 'The quiz changed since you read it; reload it and apply your change again.') ??
    error
  );
}

export const answering = answeringWith(asAuthoringProblem);
