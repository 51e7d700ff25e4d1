import type { LearnerQuestion, Question } from '@quizbook/contracts';

/** The question as a learner may see it before grading: no answer key, no explanation. */
export function toLearnerQuestion(question: Question): LearnerQuestion {
  const view: LearnerQuestion = {
    questionId: question.questionId,
    kind: question.kind,
    prompt: question.prompt,
    points: question.points,
  };
  if (question.kind === 'single-choice' || question.kind === 'multiple-choice')
    view.options = question.options.map(({ optionId, text }) => ({ optionId, text }));
  return view;
}
