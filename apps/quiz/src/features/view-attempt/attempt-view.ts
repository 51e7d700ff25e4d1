import type { AnswerValue, LearnerQuestion, QuestionResult } from '@quizbook/contracts';
import type { AttemptState, AttemptStatus } from '../../domain/attempt/attempt.decider';
import type { PublishedQuiz } from '../../domain/attempt/published-quiz';
import { learnerQuestionsOf } from '../attempt-support/learner-questions';

export interface AttemptView {
  attemptId: string;
  quizId: string;
  quizVersion: number;
  courseId: string;
  learnerId: string;
  attemptNumber: number;
  status: Exclude<AttemptStatus, 'absent'>;
  startedAt: string;
  deadline: string;
  /** In the attempt's order, without answer keys: a learner can resume after a reload. */
  questions: LearnerQuestion[];
  submittedAt?: string;
  late?: boolean;
  answers?: Record<string, AnswerValue>;
  closedAt?: string;
  scorePoints?: number;
  maxPoints?: number;
  scorePercent?: number;
  passed?: boolean;
  gradedAt?: string;
  /** Only once graded: the explanations come with the results, never before. */
  results?: (QuestionResult & { yourAnswer: AnswerValue | null })[];
}

export function attemptViewOf(state: AttemptState, quiz: PublishedQuiz | undefined): AttemptView {
  const started = state.started!;
  const version = quiz?.versions.get(started.quizVersion);
  const view: AttemptView = {
    attemptId: started.attemptId,
    quizId: started.quizId,
    quizVersion: started.quizVersion,
    courseId: started.courseId,
    learnerId: started.learnerId,
    attemptNumber: started.attemptNumber,
    status: state.status as AttemptView['status'],
    startedAt: started.startedAt,
    deadline: started.deadline,
    questions: version ? learnerQuestionsOf(started, version.questions) : [],
  };
  if (state.submitted) {
    view.submittedAt = state.submitted.submittedAt;
    view.late = state.submitted.late;
    view.answers = state.submitted.answers;
  }
  if (state.expired) view.closedAt = state.expired.closedAt;
  if (state.graded) {
    const { scorePoints, maxPoints, scorePercent, passed, gradedAt, results } = state.graded;
    const answers = state.submitted?.answers ?? {};
    Object.assign(view, { scorePoints, maxPoints, scorePercent, passed, gradedAt });
    view.results = results.map((result) => ({
      ...result,
      yourAnswer: Object.hasOwn(answers, result.questionId) ? answers[result.questionId]! : null,
    }));
  }
  return view;
}
