import type { AttemptStartedData, LearnerQuestion, Question } from '@quizbook/contracts';
import { toLearnerQuestion } from '../../domain/questions/learner-question';

/** The questions in the attempt's own order, without answer keys or explanations. */
export function learnerQuestionsOf(
  started: AttemptStartedData,
  questions: readonly Question[],
): LearnerQuestion[] {
  const byId = new Map(questions.map((question) => [question.questionId, question]));
  return started.questionOrder
    .map((questionId) => byId.get(questionId))
    .filter((question): question is Question => question !== undefined)
    .map(toLearnerQuestion);
}
