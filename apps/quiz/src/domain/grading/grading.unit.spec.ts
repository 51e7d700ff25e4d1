import { questionSchema, type Question, type QuestionInput } from '@quizbook/contracts';
import { answerProblem } from './answer-fits';
import { gradeAttempt } from './grade-attempt';
import { gradeQuestion } from './grade-question';

const q = (input: QuestionInput): Question => questionSchema.parse(input);
const options = ['a', 'b', 'c', 'd'].map((optionId) => ({ optionId, text: `option ${optionId}` }));

const single = q({
  questionId: 'single',
  kind: 'single-choice',
  prompt: 'Pick b',
  points: 2,
  explanation: 'b is right',
  options,
  correctOptionId: 'b',
});
const multiple = (scoring: 'partial' | 'all-or-nothing', points = 3) =>
  q({
    questionId: 'multi',
    kind: 'multiple-choice',
    prompt: 'Pick a, b and c',
    points,
    options,
    correctOptionIds: ['a', 'b', 'c'],
    scoring,
  });
const trueFalse = q({
  questionId: 'tf',
  kind: 'true-false',
  prompt: 'Sky is blue',
  points: 1,
  correct: true,
});
const shortText = q({
  questionId: 'text',
  kind: 'short-text',
  prompt: 'Capital of France',
  points: 1,
  acceptedAnswers: ['Paris', 'Ville  Lumière'],
});
const numeric = (correct: number, tolerance: number) =>
  q({ questionId: 'num', kind: 'numeric', prompt: 'How much?', points: 4, correct, tolerance });

describe('grading one question', () => {
  describe('single choice', () => {
    it('gives the points for the correct option, with the explanation', () => {
      expect(gradeQuestion(single, 'b')).toEqual({
        questionId: 'single',
        outcome: 'correct',
        awardedPoints: 2,
        maxPoints: 2,
        explanation: 'b is right',
      });
    });
    it('gives nothing for another option or a wrong-typed answer', () => {
      expect(gradeQuestion(single, 'a')).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
      expect(gradeQuestion(single, ['b'])).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
  });

  describe('multiple choice, all or nothing', () => {
    it('gives the points only for exactly the correct set, in any order', () => {
      expect(gradeQuestion(multiple('all-or-nothing'), ['c', 'a', 'b'])).toMatchObject({
        outcome: 'correct',
        awardedPoints: 3,
      });
      expect(gradeQuestion(multiple('all-or-nothing'), ['a', 'b'])).toMatchObject({
        outcome: 'incorrect',
        awardedPoints: 0,
      });
      expect(gradeQuestion(multiple('all-or-nothing'), ['a', 'b', 'c', 'd'])).toMatchObject({
        outcome: 'incorrect',
        awardedPoints: 0,
      });
    });
  });

  describe('multiple choice, partial credit', () => {
    const partial = multiple('partial');
    it('gives points x (right - wrong) / correct options', () => {
      expect(gradeQuestion(partial, ['a', 'b', 'c'])).toMatchObject({ outcome: 'correct', awardedPoints: 3 });
      expect(gradeQuestion(partial, ['a', 'b'])).toMatchObject({ outcome: 'partial', awardedPoints: 2 });
      expect(gradeQuestion(partial, ['a'])).toMatchObject({ outcome: 'partial', awardedPoints: 1 });
      expect(gradeQuestion(partial, ['a', 'b', 'c', 'd'])).toMatchObject({
        outcome: 'partial',
        awardedPoints: 2,
      });
    });
    it('never goes below zero, and an even trade of right and wrong is incorrect', () => {
      expect(gradeQuestion(partial, ['a', 'd'])).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
      expect(gradeQuestion(partial, ['d'])).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
      expect(gradeQuestion(partial, [])).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
    it('counts a pick listed twice once', () => {
      expect(gradeQuestion(partial, ['a', 'a', 'a'])).toMatchObject({ outcome: 'partial', awardedPoints: 1 });
    });
    it('keeps thirds of a point to six decimals', () => {
      expect(gradeQuestion(multiple('partial', 1), ['a']).awardedPoints).toBe(0.333333);
    });
    it('gives nothing for an answer that is not a list', () => {
      expect(gradeQuestion(partial, 'a')).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
  });

  describe('true/false', () => {
    it('compares booleans only', () => {
      expect(gradeQuestion(trueFalse, true)).toMatchObject({ outcome: 'correct', awardedPoints: 1 });
      expect(gradeQuestion(trueFalse, false)).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
      expect(gradeQuestion(trueFalse, 'true')).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
  });

  describe('short text', () => {
    it('accepts any accepted answer, case-insensitively, whitespace collapsed and trimmed', () => {
      for (const answer of ['Paris', 'paris', '  PARIS \n', 'ville lumière', ' Ville\t\tLUMIÈRE '])
        expect(gradeQuestion(shortText, answer)).toMatchObject({ outcome: 'correct', awardedPoints: 1 });
    });
    it('refuses other text, inner spaces that split a word, blanks and non-strings', () => {
      for (const answer of ['Pari s', 'Lyon', '   ', 42])
        expect(gradeQuestion(shortText, answer)).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
  });

  describe('numeric with tolerance', () => {
    it('is correct up to and including the tolerance, on both sides', () => {
      const question = numeric(10, 0.5);
      for (const answer of [10, 9.5, 10.5, 10.25])
        expect(gradeQuestion(question, answer)).toMatchObject({ outcome: 'correct', awardedPoints: 4 });
      for (const answer of [9.49, 10.51, -10])
        expect(gradeQuestion(question, answer)).toMatchObject({ outcome: 'incorrect', awardedPoints: 0 });
    });
    it('does not lose a boundary answer to floating-point noise', () => {
      // |1.0 - 1.1| is 0.10000000000000009 in binary floating point.
      expect(gradeQuestion(numeric(1.1, 0.1), 1.0).outcome).toBe('correct');
      expect(gradeQuestion(numeric(0.3, 0), 0.1 + 0.2).outcome).toBe('correct');
      expect(gradeQuestion(numeric(0.3, 0), 0.3000001).outcome).toBe('incorrect');
    });
    it('needs the exact value with no tolerance, and a number', () => {
      expect(gradeQuestion(numeric(42, 0), 42).outcome).toBe('correct');
      expect(gradeQuestion(numeric(42, 0), 42.001).outcome).toBe('incorrect');
      expect(gradeQuestion(numeric(42, 0), '42').outcome).toBe('incorrect');
    });
  });

  it('marks a question without an answer unanswered', () => {
    expect(gradeQuestion(single, undefined)).toMatchObject({ outcome: 'unanswered', awardedPoints: 0 });
  });
});

describe('grading an attempt', () => {
  const tenths = Array.from({ length: 3 }, (_, index) =>
    q({ questionId: `t${index}`, kind: 'true-false', prompt: `T${index}`, points: 0.1, correct: true }),
  );

  it('sums the points, rounds the percentage to two decimals and passes at the mark', () => {
    const grade = gradeAttempt(
      { questions: [single, multiple('partial'), trueFalse], settings: { passMarkPercent: 50 } },
      { single: 'b', multi: ['a'], tf: false },
    );
    expect(grade).toMatchObject({ scorePoints: 3, maxPoints: 6, scorePercent: 50, passed: true });
    expect(grade.results.map((result) => result.outcome)).toEqual(['correct', 'partial', 'incorrect']);
  });

  it('keeps sums of tenths exact (0.1 + 0.2 is 0.3 here)', () => {
    const grade = gradeAttempt(
      { questions: tenths, settings: { passMarkPercent: 100 } },
      { t0: true, t1: true, t2: true },
    );
    expect(grade).toMatchObject({ scorePoints: 0.3, maxPoints: 0.3, scorePercent: 100, passed: true });
  });

  it('rounds a third to 33.33 percent and fails below the mark', () => {
    const grade = gradeAttempt({ questions: tenths, settings: { passMarkPercent: 33.34 } }, { t0: true });
    expect(grade).toMatchObject({ scorePoints: 0.1, scorePercent: 33.33, passed: false });
    expect(grade.results.map((result) => result.outcome)).toEqual(['correct', 'unanswered', 'unanswered']);
  });

  it('lists results in the order the learner saw, ignoring answers to unknown questions', () => {
    const grade = gradeAttempt(
      { questions: [single, trueFalse], settings: { passMarkPercent: 0 } },
      { tf: true, ghost: 'x' },
      ['tf', 'single'],
    );
    expect(grade.results.map((result) => result.questionId)).toEqual(['tf', 'single']);
    expect(grade).toMatchObject({ scorePoints: 1, maxPoints: 3, scorePercent: 33.33, passed: true });
  });

  it('grades the same sheet the same way every time', () => {
    const quiz = {
      questions: [single, multiple('partial'), numeric(3.14, 0.01)],
      settings: { passMarkPercent: 60 },
    };
    const answers = { single: 'a', multi: ['a', 'b', 'd'], num: 3.15 };
    expect(gradeAttempt(quiz, answers)).toEqual(gradeAttempt(quiz, answers));
  });
});

describe('an answer that cannot answer the question', () => {
  it('names what the kind expects', () => {
    expect(answerProblem(single, 'z')).toMatch(/not one of the question's options/);
    expect(answerProblem(single, true)).toMatch(/one option id/);
    expect(answerProblem(multiple('partial'), ['a', 'z'])).toMatch(/"z"/);
    expect(answerProblem(multiple('partial'), 'a')).toMatch(/list of option ids/);
    expect(answerProblem(trueFalse, 'yes')).toMatch(/true or false/);
    expect(answerProblem(shortText, 3)).toMatch(/string/);
    expect(answerProblem(numeric(1, 0), '1')).toMatch(/number/);
  });
  it('accepts an answer of the right shape', () => {
    expect(answerProblem(single, 'a')).toBeUndefined();
    expect(answerProblem(multiple('partial'), [])).toBeUndefined();
    expect(answerProblem(trueFalse, false)).toBeUndefined();
    expect(answerProblem(shortText, 'anything')).toBeUndefined();
    expect(answerProblem(numeric(1, 0), 2.5)).toBeUndefined();
  });
});
