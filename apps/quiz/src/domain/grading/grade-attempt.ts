import type { Answers, Question, QuestionResult } from '@quizbook/contracts';
import { gradeQuestion, roundPoints } from './grade-question';

/** What grading needs of a published quiz version. */
export interface GradableQuiz {
  questions: readonly Question[];
  settings: { passMarkPercent: number };
}

export interface AttemptGrade {
  results: QuestionResult[];
  scorePoints: number;
  maxPoints: number;
  /** Rounded to two decimals. */
  scorePercent: number;
  passed: boolean;
}

/**
 * Grades a sheet against the quiz version it was started on, in `order` (the order the learner saw)
 * when given. Answers to questions the version does not hold are ignored.
 */
export function gradeAttempt(quiz: GradableQuiz, answers: Answers, order?: readonly string[]): AttemptGrade {
  const byId = new Map(quiz.questions.map((question) => [question.questionId, question]));
  const ordered = order
    ? order.map((id) => byId.get(id)).filter((question): question is Question => question !== undefined)
    : [...quiz.questions];
  const results = ordered.map((question) =>
    gradeQuestion(
      question,
      Object.hasOwn(answers, question.questionId) ? answers[question.questionId] : undefined,
    ),
  );
  const scorePoints = roundPoints(results.reduce((sum, result) => sum + result.awardedPoints, 0));
  const maxPoints = roundPoints(results.reduce((sum, result) => sum + result.maxPoints, 0));
  const scorePercent = maxPoints > 0 ? Math.round((scorePoints / maxPoints) * 100 * 100) / 100 : 0;
  return {
    results,
    scorePoints,
    maxPoints,
    scorePercent,
    passed: scorePercent >= quiz.settings.passMarkPercent,
  };
}
