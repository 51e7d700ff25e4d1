import type { Question } from '@quizbook/contracts';

/** One rule a question breaks, named by its path inside the request (`questions.2.correctOptionId`). */
export interface QuestionIssue {
  field: string;
  message: string;
}

/** Case- and whitespace-insensitive form of a short-text answer: how accepted answers compare. */
export const normalizeShortText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const at = (prefix: string, field: string): string => (prefix ? `${prefix}.${field}` : field);

/**
 * The rules the zod shape cannot say: an answer key that points at a real option, option ids that
 * do not repeat, accepted answers that are not blank once normalised, a usable tolerance.
 */
export function questionIssues(question: Question, prefix = ''): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field: at(prefix, field), message });

  if (question.kind === 'single-choice' || question.kind === 'multiple-choice') {
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option.optionId))
        issue(`options.${index}.optionId`, `option id ${option.optionId} repeats`);
      seen.add(option.optionId);
    });
    if (question.kind === 'single-choice' && !seen.has(question.correctOptionId))
      issue('correctOptionId', `must be one of the option ids (${[...seen].join(', ')})`);
    if (question.kind === 'multiple-choice') {
      if (question.correctOptionIds.length === 0) issue('correctOptionIds', 'names at least one option');
      const picked = new Set<string>();
      question.correctOptionIds.forEach((optionId, index) => {
        if (!seen.has(optionId))
          issue(`correctOptionIds.${index}`, `${optionId} is not one of the option ids`);
        else if (picked.has(optionId)) issue(`correctOptionIds.${index}`, `${optionId} is named twice`);
        picked.add(optionId);
      });
    }
  }
  if (question.kind === 'short-text') {
    question.acceptedAnswers.forEach((answer, index) => {
      if (normalizeShortText(answer) === '') issue(`acceptedAnswers.${index}`, 'is blank');
    });
  }
  if (question.kind === 'numeric') {
    if (!Number.isFinite(question.correct)) issue('correct', 'must be a finite number');
    if (!Number.isFinite(question.tolerance) || question.tolerance < 0)
      issue('tolerance', 'must be a finite number, 0 or more');
  }
  return issues;
}

/** Every question's own issues, plus question ids that repeat within the list. */
export function questionListIssues(questions: readonly Question[], prefix = 'questions'): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const path = at(prefix, String(index));
    if (seen.has(question.questionId))
      issues.push({ field: `${path}.questionId`, message: `question id ${question.questionId} repeats` });
    seen.add(question.questionId);
    issues.push(...questionIssues(question, path));
  });
  return issues;
}
