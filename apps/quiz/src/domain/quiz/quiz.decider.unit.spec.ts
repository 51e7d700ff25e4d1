import { defaultQuizSettings, questionSchema, type Question, type QuizEvent } from '@quizbook/contracts';
import { deciderSpec } from '@quizbook/testing';
import { quizDecider, type QuizCommand, type QuizState } from './quiz.decider';
import {
  InvalidQuestionError,
  QuestionIdTakenError,
  QuestionNotFoundError,
  QuizAlreadyExistsError,
  QuizArchivedError,
  QuizHasNoQuestionsError,
  QuizNotFoundError,
} from './quiz-errors';

const spec = deciderSpec<QuizState, QuizCommand, QuizEvent>(quizDecider);
const quizId = 'quiz-1';
const draftedAt = '2030-01-01T09:00:00.000Z';
const publishedAt = '2030-01-02T09:00:00.000Z';
const settings = defaultQuizSettings;
const trueFalse = (questionId: string, correct = true): Question =>
  questionSchema.parse({ questionId, kind: 'true-false', prompt: `${questionId}?`, points: 1, correct });
const q1 = trueFalse('q1');
const q2 = trueFalse('q2', false);

const drafted: QuizEvent = {
  type: 'QuizDrafted',
  data: {
    quizId,
    courseId: 'c-1',
    ownerId: 'inst-1',
    draftedBy: 'inst-1',
    title: 'Basics',
    settings,
    draftedAt,
  },
};
const added = (question: Question, bankQuestionId?: string): QuizEvent => ({
  type: 'QuestionAdded',
  data: { quizId, question, ...(bankQuestionId ? { bankQuestionId } : {}) },
});
const publishedV = (version: number, questions: Question[], title = 'Basics'): QuizEvent => ({
  type: 'QuizPublished',
  data: { quizId, courseId: 'c-1', ownerId: 'inst-1', version, title, settings, questions, publishedAt },
});
const archived: QuizEvent = { type: 'QuizArchived', data: { quizId } };
const draft = (questions: Question[]): QuizCommand => ({
  type: 'DraftQuiz',
  quizId,
  courseId: 'c-1',
  ownerId: 'inst-1',
  draftedBy: 'inst-1',
  title: 'Basics',
  settings,
  questions,
  draftedAt,
});
const publish: QuizCommand = { type: 'PublishQuiz', quizId, publishedAt };
const isA =
  (type: new (...args: never[]) => Error) =>
  (error: unknown): boolean =>
    error instanceof type;

describe('quiz decider', () => {
  describe('DraftQuiz', () => {
    it('drafts a quiz with its initial questions, in order', () => {
      spec
        .given([])
        .when(draft([q1, q2]))
        .then([drafted, added(q1), added(q2)]);
    });

    it('refuses to draft a quiz id twice', () => {
      spec.given([drafted]).when(draft([])).thenThrows(isA(QuizAlreadyExistsError));
    });

    it('refuses initial questions that repeat an id, naming the field', () => {
      spec
        .given([])
        .when(draft([q1, q2, trueFalse('q1')]))
        .thenThrows(
          (error) =>
            error instanceof InvalidQuestionError &&
            error.issues.some((issue) => issue.field === 'questions.2.questionId'),
        );
    });
  });

  describe('ChangeQuizSettings', () => {
    it('records the whole new title and settings', () => {
      spec
        .given([drafted])
        .when({
          type: 'ChangeQuizSettings',
          quizId,
          settings: { timeLimitSeconds: 120, shuffleQuestions: true },
        })
        .then([
          {
            type: 'QuizSettingsChanged',
            data: {
              quizId,
              title: 'Basics',
              settings: { ...settings, timeLimitSeconds: 120, shuffleQuestions: true },
            },
          },
        ]);
    });

    it('decides nothing when nothing changes', () => {
      spec
        .given([drafted])
        .when({ type: 'ChangeQuizSettings', quizId, title: 'Basics', settings: { attemptsAllowed: 3 } })
        .then([]);
    });

    it('refuses an unknown quiz', () => {
      spec
        .given([])
        .when({ type: 'ChangeQuizSettings', quizId, title: 'x' })
        .thenThrows(isA(QuizNotFoundError));
    });
  });

  describe('questions', () => {
    it('adds a question, remembering the bank question it was copied from', () => {
      spec
        .given([drafted])
        .when({ type: 'AddQuestion', quizId, question: q1, bankQuestionId: 'bank-7' })
        .then([added(q1, 'bank-7')]);
    });

    it('refuses a question id the quiz already has', () => {
      spec
        .given([drafted, added(q1)])
        .when({ type: 'AddQuestion', quizId, question: q1 })
        .thenThrows(isA(QuestionIdTakenError));
    });

    it('refuses a question whose answer key names no option, naming the field', () => {
      const bad = questionSchema.parse({
        questionId: 'q3',
        kind: 'single-choice',
        prompt: 'p',
        points: 1,
        options: [
          { optionId: 'a', text: 'A' },
          { optionId: 'b', text: 'B' },
        ],
        correctOptionId: 'c',
      });
      spec
        .given([drafted])
        .when({ type: 'AddQuestion', quizId, question: bad })
        .thenThrows(
          (error) =>
            error instanceof InvalidQuestionError && error.issues[0]?.field === 'question.correctOptionId',
        );
    });

    it('replaces an edited question, and decides nothing for an identical one', () => {
      const edited = { ...q1, prompt: 'Really?' };
      spec
        .given([drafted, added(q1)])
        .when({ type: 'EditQuestion', quizId, question: edited })
        .then([{ type: 'QuestionEdited', data: { quizId, question: edited } }]);
      spec
        .given([drafted, added(q1)])
        .when({ type: 'EditQuestion', quizId, question: q1 })
        .then([]);
    });

    it('refuses to edit or remove an unknown question', () => {
      spec
        .given([drafted, added(q1)])
        .when({ type: 'EditQuestion', quizId, question: q2 })
        .thenThrows(isA(QuestionNotFoundError));
      spec
        .given([drafted, added(q1)])
        .when({ type: 'RemoveQuestion', quizId, questionId: 'q2' })
        .thenThrows(isA(QuestionNotFoundError));
    });

    it('removes a question', () => {
      spec
        .given([drafted, added(q1)])
        .when({ type: 'RemoveQuestion', quizId, questionId: 'q1' })
        .then([{ type: 'QuestionRemoved', data: { quizId, questionId: 'q1' } }]);
    });
  });

  describe('PublishQuiz', () => {
    it('refuses a quiz with no questions', () => {
      spec.given([drafted]).when(publish).thenThrows(isA(QuizHasNoQuestionsError));
      spec
        .given([drafted, added(q1), { type: 'QuestionRemoved', data: { quizId, questionId: 'q1' } }])
        .when(publish)
        .thenThrows(isA(QuizHasNoQuestionsError));
    });

    it('freezes the working copy as version 1', () => {
      spec
        .given([drafted, added(q1)])
        .when(publish)
        .then([publishedV(1, [q1])]);
    });

    it('publishing again with no edit in between makes no new version', () => {
      spec
        .given([drafted, added(q1), publishedV(1, [q1])])
        .when(publish)
        .then([]);
    });

    it('publishing after an edit makes version n+1 and leaves the earlier snapshot as it was', () => {
      const given = [drafted, added(q1), publishedV(1, [q1]), added(q2)];
      spec
        .given(given)
        .when(publish)
        .then([publishedV(2, [q1, q2])]);
      const state = given.reduce(quizDecider.evolve, quizDecider.initialState());
      expect(state.versions[0]!.questions).toEqual([q1]);
    });

    it('an edit reverted before publishing makes no new version', () => {
      spec
        .given([
          drafted,
          added(q1),
          publishedV(1, [q1]),
          { type: 'QuizSettingsChanged', data: { quizId, title: 'Renamed', settings } },
          { type: 'QuizSettingsChanged', data: { quizId, title: 'Basics', settings } },
        ])
        .when(publish)
        .then([]);
    });
  });

  describe('ArchiveQuiz', () => {
    it('archives once; archiving again decides nothing', () => {
      spec
        .given([drafted, added(q1), publishedV(1, [q1])])
        .when({ type: 'ArchiveQuiz', quizId })
        .then([archived]);
      spec.given([drafted, archived]).when({ type: 'ArchiveQuiz', quizId }).then([]);
    });

    it('refuses every change after archive', () => {
      const given = [drafted, added(q1), archived];
      const commands: QuizCommand[] = [
        publish,
        { type: 'ChangeQuizSettings', quizId, title: 'x' },
        { type: 'AddQuestion', quizId, question: q2 },
        { type: 'EditQuestion', quizId, question: { ...q1, prompt: 'x' } },
        { type: 'RemoveQuestion', quizId, questionId: 'q1' },
      ];
      for (const command of commands) spec.given(given).when(command).thenThrows(isA(QuizArchivedError));
    });
  });
});
