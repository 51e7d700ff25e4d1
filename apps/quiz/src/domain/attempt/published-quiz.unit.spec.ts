import { questionSchema, type QuizEvent } from '@quizbook/contracts';
import { defaultQuizSettings } from '@quizbook/contracts';
import { foldPublishedQuiz } from './published-quiz';

const question = questionSchema.parse({
  questionId: 'q1',
  kind: 'true-false',
  prompt: 'Yes?',
  points: 1,
  correct: true,
});
const drafted: QuizEvent = {
  type: 'QuizDrafted',
  data: {
    quizId: 'q-1',
    courseId: 'c-1',
    ownerId: 'i-1',
    draftedBy: 'i-1',
    title: 'T',
    settings: defaultQuizSettings,
    draftedAt: '2030-01-01T10:00:00.000Z',
  },
};
const published = (version: number): QuizEvent => ({
  type: 'QuizPublished',
  data: {
    quizId: 'q-1',
    courseId: 'c-1',
    ownerId: 'i-1',
    version,
    title: `T${version}`,
    settings: defaultQuizSettings,
    questions: [question],
    publishedAt: '2030-01-01T10:00:00.000Z',
  },
});

describe('a quiz as attempts see it', () => {
  it('does not exist before it is drafted', () => {
    expect(foldPublishedQuiz([])).toBeUndefined();
  });
  it('has no version to start on while a draft', () => {
    expect(foldPublishedQuiz([drafted])).toMatchObject({ courseId: 'c-1', ownerId: 'i-1', archived: false });
    expect(foldPublishedQuiz([drafted])?.latest).toBeUndefined();
  });
  it('keeps every published version and starts new attempts on the latest', () => {
    const quiz = foldPublishedQuiz([
      drafted,
      published(1),
      { type: 'QuestionRemoved', data: { quizId: 'q-1', questionId: 'q1' } },
      published(2),
    ]);
    expect(quiz?.latest?.title).toBe('T2');
    expect([...quiz!.versions.keys()]).toEqual([1, 2]);
    expect(quiz?.versions.get(1)?.title).toBe('T1');
  });
  it('remembers the archive', () => {
    expect(
      foldPublishedQuiz([drafted, published(1), { type: 'QuizArchived', data: { quizId: 'q-1' } }])?.archived,
    ).toBe(true);
  });
});
