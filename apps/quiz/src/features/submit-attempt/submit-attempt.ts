import type { Principal } from '@quizbook/auth';
import type { QuizServices } from '../../quiz-services';
import { attemptDeadlinePassed, quizNotFound } from '../attempt-support/attempt-problems';
import { attemptEventNames, attemptStreams } from '../attempt-support/attempt-streams';
import { readPublishedQuiz } from '../attempt-support/published-quizzes';
import { visibleAttempt } from '../attempt-support/visible-attempt';
import { validSubmission } from './submission-answers';

export interface SubmittedAttemptView {
  attemptId: string;
  status: 'submitted';
  submittedAt: string;
  late: boolean;
}

/**
 * Records the learner's one answer sheet. Grading happens elsewhere: the submission relay publishes
 * every AttemptSubmitted to `quiz-submissions` from its checkpoint, so a process that dies right
 * after this append still gets the sheet graded.
 */
export async function submitAttempt(
  services: QuizServices,
  caller: Principal,
  attemptId: string,
  body: unknown,
  ifMatch: bigint | undefined,
): Promise<{ view: SubmittedAttemptView; revision: bigint }> {
  const { started, state } = await visibleAttempt(services, caller, attemptId, { staff: false });
  const quiz = await readPublishedQuiz(services.eventStore, started.quizId);
  const version = quiz?.versions.get(started.quizVersion);
  if (!version) throw quizNotFound();
  const answers = validSubmission(body, version.questions);
  const handled = await attemptStreams(services).handle(
    attemptId,
    {
      type: 'SubmitAttempt',
      attemptId,
      answers,
      lateSubmission: version.settings.lateSubmission,
      now: services.clock(),
    },
    // A submitted attempt takes no other change, so a stale If-Match can only come with a retry or a
    // second sheet: the decider tells those apart (first answer or 409), better than a bare 412.
    {
      eventName: attemptEventNames,
      ...(ifMatch !== undefined && state.status === 'in-progress' ? { ifMatch } : {}),
    },
  );
  const { submitted, status } = handled.state;
  if (status === 'expired' || !submitted) throw attemptDeadlinePassed(started.deadline);
  return {
    view: { attemptId, status: 'submitted', submittedAt: submitted.submittedAt, late: submitted.late },
    revision: handled.revision,
  };
}
