import type { AnswerValue, Question, QuestionResult } from '@quizbook/contracts';

/**
 * One question's result under the rules of libs/contracts/src/quiz/question.ts. Pure and
 * deterministic: the same question and answer always give the same result, whoever grades it.
 * An answer of the wrong type for the kind scores 0 (incorrect), never an error: submit refuses those
 * up front, and a grader must never stall on a sheet.
 */
export function gradeQuestion(question: Question, answer: AnswerValue | undefined): QuestionResult {
  const base = {
    questionId: question.questionId,
    maxPoints: question.points,
    explanation: question.explanation,
  };
  if (answer === undefined) return { ...base, outcome: 'unanswered', awardedPoints: 0 };
  const fraction = creditFor(question, answer);
  const awardedPoints = roundPoints(question.points * fraction);
  const outcome = fraction >= 1 ? 'correct' : awardedPoints > 0 ? 'partial' : 'incorrect';
  return { ...base, outcome, awardedPoints };
}

/** The share of the question's points the answer earns, 0..1. */
function creditFor(question: Question, answer: AnswerValue): number {
  switch (question.kind) {
    case 'single-choice':
      return answer === question.correctOptionId ? 1 : 0;
    case 'true-false':
      return answer === question.correct ? 1 : 0;
    case 'short-text': {
      if (typeof answer !== 'string') return 0;
      const given = normalizeText(answer);
      return given !== '' && question.acceptedAnswers.some((accepted) => normalizeText(accepted) === given)
        ? 1
        : 0;
    }
    case 'numeric':
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return 0;
      return withinTolerance(answer, question.correct, question.tolerance) ? 1 : 0;
    case 'multiple-choice':
      return multipleChoiceCredit(question.correctOptionIds, question.scoring, answer);
  }
}

function multipleChoiceCredit(
  correctOptionIds: readonly string[],
  scoring: 'all-or-nothing' | 'partial',
  answer: AnswerValue,
): number {
  if (!Array.isArray(answer)) return 0;
  const correct = new Set(correctOptionIds);
  // A pick listed twice counts once.
  const picks = new Set(answer);
  let right = 0;
  let wrong = 0;
  for (const pick of picks) {
    if (correct.has(pick)) right += 1;
    else wrong += 1;
  }
  if (scoring === 'all-or-nothing') return right === correct.size && wrong === 0 ? 1 : 0;
  return Math.max(0, (right - wrong) / correct.size);
}

/**
 * |answer - correct| <= tolerance, with a few ulps of slack: binary floats make 1.0 vs 1.1 differ by
 * 0.10000000000000009, and a learner on the boundary must not lose the points to representation noise.
 */
export function withinTolerance(answer: number, correct: number, tolerance: number): boolean {
  const slack = Number.EPSILON * 8 * Math.max(1, Math.abs(answer), Math.abs(correct));
  return Math.abs(answer - correct) <= tolerance + slack;
}

/** Case-insensitive, runs of whitespace collapsed, ends trimmed. */
export function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Points carry at most 6 decimals, so sums of thirds and tenths stay exact enough to compare and show. */
export function roundPoints(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
