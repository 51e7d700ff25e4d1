import { questionSchema, type Question, type QuestionInput } from '@quizbook/contracts';
import { normalizeShortText, questionIssues, questionListIssues } from './question-rules';

const question = (input: QuestionInput): Question => questionSchema.parse(input);
const options = [
  { optionId: 'a', text: 'Paris' },
  { optionId: 'b', text: 'Lyon' },
  { optionId: 'c', text: 'Nice' },
];
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('question rules', () => {
  it('accepts a well-formed question of every kind', () => {
    const all = [
      question({
        questionId: 'q1',
        kind: 'single-choice',
        prompt: 'Capital?',
        points: 1,
        options,
        correctOptionId: 'a',
      }),
      question({
        questionId: 'q2',
        kind: 'multiple-choice',
        prompt: 'Cities?',
        points: 2,
        options,
        correctOptionIds: ['a', 'c'],
        scoring: 'partial',
      }),
      question({ questionId: 'q3', kind: 'true-false', prompt: 'Sky blue?', points: 1, correct: true }),
      question({
        questionId: 'q4',
        kind: 'short-text',
        prompt: 'Name?',
        points: 1,
        acceptedAnswers: ['Ada'],
      }),
      question({
        questionId: 'q5',
        kind: 'numeric',
        prompt: 'Pi?',
        points: 1,
        correct: 3.14,
        tolerance: 0.01,
      }),
    ];
    expect(questionListIssues(all)).toEqual([]);
  });

  it('single choice: the correct option must be one of the options', () => {
    const issues = questionIssues(
      question({
        questionId: 'q',
        kind: 'single-choice',
        prompt: 'p',
        points: 1,
        options,
        correctOptionId: 'z',
      }),
      'question',
    );
    expect(fields(issues)).toEqual(['question.correctOptionId']);
  });

  it('choice questions: option ids are unique', () => {
    const issues = questionIssues(
      question({
        questionId: 'q',
        kind: 'single-choice',
        prompt: 'p',
        points: 1,
        options: [...options, { optionId: 'a', text: 'Again' }],
        correctOptionId: 'a',
      }),
    );
    expect(fields(issues)).toEqual(['options.3.optionId']);
  });

  it('multiple choice: correct ids are options, none named twice', () => {
    const issues = questionIssues(
      question({
        questionId: 'q',
        kind: 'multiple-choice',
        prompt: 'p',
        points: 1,
        options,
        correctOptionIds: ['a', 'x', 'a'],
      }),
    );
    expect(fields(issues)).toEqual(['correctOptionIds.1', 'correctOptionIds.2']);
  });

  it('short text: an accepted answer may not be blank once normalised', () => {
    const issues = questionIssues(
      question({
        questionId: 'q',
        kind: 'short-text',
        prompt: 'p',
        points: 1,
        acceptedAnswers: ['ok', '   '],
      }),
    );
    expect(fields(issues)).toEqual(['acceptedAnswers.1']);
  });

  it('numeric: a tolerance must be finite and not negative', () => {
    const base = question({ questionId: 'q', kind: 'numeric', prompt: 'p', points: 1, correct: 1 });
    expect(fields(questionIssues({ ...base, tolerance: Number.POSITIVE_INFINITY } as Question))).toEqual([
      'tolerance',
    ]);
    expect(fields(questionIssues({ ...base, tolerance: -1 } as Question))).toEqual(['tolerance']);
  });

  it('a quiz: question ids are unique, and each issue names the question by position', () => {
    const tf = (questionId: string) =>
      question({ questionId, kind: 'true-false', prompt: 'p', points: 1, correct: false });
    const bad = question({
      questionId: 'q9',
      kind: 'single-choice',
      prompt: 'p',
      points: 1,
      options,
      correctOptionId: 'z',
    });
    expect(fields(questionListIssues([tf('q1'), tf('q2'), bad, tf('q1')]))).toEqual([
      'questions.2.correctOptionId',
      'questions.3.questionId',
    ]);
  });

  it('normalises short text: case, ends and runs of whitespace', () => {
    expect(normalizeShortText('  Ada \t  LOVELACE\n')).toBe('ada lovelace');
  });
});
