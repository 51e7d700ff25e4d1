import type { AnswerValue, Question } from '@quizbook/contracts';

/**
 * Why an answer cannot be an answer to this question (wrong type for the kind, an option the
 * question does not offer), or undefined when it can. Submit refuses such sheets with a 400 naming
 * the question, so the learner hears about a typo instead of silently scoring 0.
 */
export function answerProblem(question: Question, answer: AnswerValue): string | undefined {
  switch (question.kind) {
    case 'single-choice':
      if (typeof answer !== 'string') return 'a single-choice answer is one option id (a string)';
      return question.options.some((option) => option.optionId === answer)
        ? undefined
        : `"${answer}" is not one of the question's options`;
    case 'multiple-choice': {
      if (!Array.isArray(answer)) return 'a multiple-choice answer is a list of option ids';
      const offered = new Set(question.options.map((option) => option.optionId));
      const unknown = answer.find((pick) => !offered.has(pick));
      return unknown === undefined ? undefined : `"${unknown}" is not one of the question's options`;
    }
    case 'true-false':
      return typeof answer === 'boolean' ? undefined : 'a true/false answer is true or false';
    case 'short-text':
      return typeof answer === 'string' ? undefined : 'a short-text answer is a string';
    case 'numeric':
      return typeof answer === 'number' ? undefined : 'a numeric answer is a number';
  }
}
