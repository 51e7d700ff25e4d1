import type { Principal } from '@quizbook/auth';
import type { LoadedStream } from '@quizbook/platform';
import { isEnrolled, readCourseAccess, type CourseAccess } from '../course-access/course-access';
import { latestVersion, type PublishedQuizVersion, type QuizState } from '../domain/quiz/quiz.decider';
import type { QuizServices } from '../quiz-services';
import { courseNotFound, quizNotFound } from './authoring-problems';
import { authoringStreams } from './authoring-streams';

export const isAdmin = (caller: Principal): boolean => caller.roles.includes('admin');

/**
 * The quiz if the caller authors it (the course owner) or is an admin; otherwise the same 404 as
 * for a quiz that does not exist, so nobody learns about someone else's quiz.
 */
export async function authoredQuiz(
  services: QuizServices,
  caller: Principal,
  quizId: string,
): Promise<LoadedStream<QuizState>> {
  const loaded = await authoringStreams(services).quizzes.load(quizId);
  if (loaded.state.status === 'absent') throw quizNotFound();
  if (loaded.state.ownerId !== caller.userId && !isAdmin(caller)) throw quizNotFound();
  return loaded;
}

export type QuizReader =
  | { as: 'author'; loaded: LoadedStream<QuizState> }
  | { as: 'learner'; loaded: LoadedStream<QuizState>; published: PublishedQuizVersion };

/** Authors see the working copy; a learner enrolled in the course sees the latest published version. */
export async function readableQuiz(
  services: QuizServices,
  caller: Principal,
  quizId: string,
): Promise<QuizReader> {
  const loaded = await authoringStreams(services).quizzes.load(quizId);
  const { state } = loaded;
  if (state.status === 'absent') throw quizNotFound();
  if (state.ownerId === caller.userId || isAdmin(caller)) return { as: 'author', loaded };
  const published = latestVersion(state);
  if (!published) throw quizNotFound();
  const access = await readCourseAccess(services.eventStore, state.courseId!);
  if (!access || !isEnrolled(access, caller.userId)) throw quizNotFound();
  return { as: 'learner', loaded, published };
}

/** The course, if the caller may author its quizzes (its owner, or an admin); else 404. */
export async function authoredCourse(
  services: QuizServices,
  caller: Principal,
  courseId: string,
): Promise<CourseAccess> {
  const access = await readCourseAccess(services.eventStore, courseId);
  if (!access || (access.ownerId !== caller.userId && !isAdmin(caller))) throw courseNotFound();
  return access;
}
