import { answersSchema, type Answers, type Question } from '@quizbook/contracts';
import { parseInput, validationFailed, type FieldError } from '@quizbook/platform';
import { z } from 'zod';
import { answerProblem } from '../../domain/grading/answer-fits';

export const submitAttemptBody = z.object({ answers: answersSchema });

/**
 * The sheet checked against the questions of the attempt's quiz version: an answer to a question
 * the attempt does not hold, or of the wrong type for its kind, is a 400 naming `answers.<id>`.
 */
export function validSubmission(body: unknown, questions: readonly Question[]): Answers {
  const { answers } = parseInput(submitAttemptBody, body ?? {});
  const byId = new Map(questions.map((question) => [question.questionId, question]));
  const errors: FieldError[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = byId.get(questionId);
    const problem = question ? answerProblem(question, answer) : 'not a question of this attempt';
    if (problem) errors.push({ field: `answers.${questionId}`, message: problem });
  }
  if (errors.length > 0) throw validationFailed(errors, 'Some answers do not fit their questions.');
  return answers;
}
