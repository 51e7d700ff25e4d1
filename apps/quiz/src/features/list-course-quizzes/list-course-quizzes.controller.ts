import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { isEnrolled, readCourseAccess } from '../../course-access/course-access';
import { latestVersion } from '../../domain/quiz/quiz.decider';
import { answering, courseNotFound } from '../../http/authoring-problems';
import { authoringStreams } from '../../http/authoring-streams';
import { isAdmin } from '../../http/quiz-access';
import { authorQuizViewOf, learnerQuizViewOf } from '../../http/quiz-views';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { courseQuizIndex } from './course-quiz-index';

@Controller('courses')
export class ListCourseQuizzesController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /**
   * The course's authors see every quiz (drafts and archived ones too), without the questions;
   * an enrolled learner sees the published, non-archived ones as learners see them.
   */
  @Get(':courseId/quizzes')
  list(@CurrentPrincipal() caller: Principal, @Param('courseId') courseId: string) {
    return answering(async () => {
      const access = await readCourseAccess(this.services.eventStore, courseId);
      if (!access) throw courseNotFound();
      const author = access.ownerId === caller.userId || isAdmin(caller);
      if (!author && !isEnrolled(access, caller.userId)) throw courseNotFound();

      const ids = await courseQuizIndex(this.services.eventStore).quizIdsOf(courseId);
      const loaded = await Promise.all(ids.map((id) => authoringStreams(this.services).quizzes.load(id)));
      if (author)
        return {
          courseId,
          quizzes: loaded.map(({ state, revision }) => {
            const { questions, copiedFromBank: _copied, ...summary } = authorQuizViewOf(state, revision);
            return { ...summary, questionCount: questions.length };
          }),
        };
      return {
        courseId,
        quizzes: loaded.flatMap(({ state }) => {
          const published = latestVersion(state);
          if (!published || state.status !== 'published') return [];
          const { questions, ...summary } = learnerQuizViewOf(state, published);
          return [{ ...summary, questionCount: questions.length }];
        }),
      };
    });
  }
}
