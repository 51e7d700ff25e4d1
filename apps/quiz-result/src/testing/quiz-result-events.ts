import {
  AttemptExpired,
  AttemptGraded,
  AttemptStarted,
  attemptStreamName,
  CourseDrafted,
  courseStreamName,
  defaultQuizSettings,
  OrderInitiated,
  OrderPaid,
  OrderRefunded,
  orderStreamName,
  QuizArchived,
  QuizDrafted,
  QuizPublished,
  quizStreamName,
  SeatConfirmed,
  SeatReleased,
  UserRegistered,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';

/** The user service's stream name (not a contract: only the user app appends there). */
const userStreamName = (userId: string) => `user-${userId}`;

export interface Grade {
  attemptId: string;
  quizId: string;
  courseId: string;
  learnerId: string;
  scorePercent: number;
  passed?: boolean;
  finishedAt: string;
  gradedAt?: string;
}

/**
 * Appends valid source events the way the user, course and quiz services would, so quiz-result
 * specs run without those apps. Each helper answers the appended event's global position.
 */
export function quizResultEvents(eventStore: EventStore) {
  const append = async (stream: string, event: { type: string; data: unknown }, id?: string) => {
    const result = await eventStore.appendToStream(
      stream,
      [{ type: event.type, data: event.data, ...(id ? { id } : {}) }],
      { expectedRevision: 'any' },
    );
    return result.position;
  };

  return {
    append,
    user: (userId: string, name: string) =>
      append(
        userStreamName(userId),
        UserRegistered.create({
          userId,
          email: `${userId}@example.com`,
          name,
          roles: ['learner'],
          source: 'local',
        }),
      ),
    course: (courseId: string, ownerId: string) =>
      append(
        courseStreamName(courseId),
        CourseDrafted.create({
          courseId,
          ownerId,
          title: 'Event sourcing in practice',
          description: 'Deciders and projections',
          tags: ['architecture'],
          level: 'intermediate',
          priceCents: 4900,
          currency: 'EUR',
          capacity: 50,
          startsAt: '2031-03-01T09:00:00.000Z',
        }),
      ),
    /** An order paid and its seat confirmed: the learner is enrolled. */
    enroll: async (courseId: string, orderId: string, learnerId: string) => {
      await append(
        orderStreamName(orderId),
        OrderInitiated.create({
          orderId,
          learnerId,
          lines: [{ courseId, title: 'Event sourcing in practice', priceCents: 4900, currency: 'EUR' }],
          totalCents: 4900,
          currency: 'EUR',
        }),
      );
      await append(orderStreamName(orderId), OrderPaid.create({ orderId }));
      return append(courseStreamName(courseId), SeatConfirmed.create({ courseId, orderId, learnerId }));
    },
    refund: async (courseId: string, orderId: string, learnerId: string) => {
      await append(orderStreamName(orderId), OrderRefunded.create({ orderId }));
      return append(
        courseStreamName(courseId),
        SeatReleased.create({ courseId, orderId, learnerId, reason: 'refunded' }),
      );
    },
    publishQuiz: async (quizId: string, courseId: string, ownerId: string, title = 'Deciders quiz') => {
      const settings = { ...defaultQuizSettings, passMarkPercent: 60 };
      await append(
        quizStreamName(quizId),
        QuizDrafted.create({
          quizId,
          courseId,
          ownerId,
          draftedBy: ownerId,
          title,
          settings,
          draftedAt: '2030-01-01T09:00:00.000Z',
        }),
      );
      return append(
        quizStreamName(quizId),
        QuizPublished.create({
          quizId,
          courseId,
          ownerId,
          version: 1,
          title,
          settings,
          questions: [
            { questionId: 'q1', kind: 'true-false', prompt: 'Events are facts', points: 1, correct: true },
          ],
          publishedAt: '2030-01-01T09:30:00.000Z',
        }),
      );
    },
    archiveQuiz: (quizId: string) => append(quizStreamName(quizId), QuizArchived.create({ quizId })),
    start: (grade: Pick<Grade, 'attemptId' | 'quizId' | 'courseId' | 'learnerId'>, attemptNumber = 1) =>
      append(
        attemptStreamName(grade.attemptId),
        AttemptStarted.create({
          ...grade,
          quizVersion: 1,
          attemptNumber,
          questionOrder: ['q1'],
          startedAt: '2030-01-01T09:59:00.000Z',
          deadline: '2030-01-01T10:09:00.000Z',
        }),
      ),
    /** The grader's event; `id` lets a spec append the very same event again (a duplicate grade). */
    grade: (grade: Grade, id?: string) =>
      append(
        attemptStreamName(grade.attemptId),
        AttemptGraded.create({
          attemptId: grade.attemptId,
          quizId: grade.quizId,
          quizVersion: 1,
          courseId: grade.courseId,
          learnerId: grade.learnerId,
          scorePoints: grade.scorePercent / 100,
          maxPoints: 1,
          scorePercent: grade.scorePercent,
          passed: grade.passed ?? grade.scorePercent >= 60,
          finishedAt: grade.finishedAt,
          gradedAt: grade.gradedAt ?? grade.finishedAt,
          results: [
            {
              questionId: 'q1',
              outcome: grade.scorePercent === 100 ? 'correct' : 'partial',
              awardedPoints: grade.scorePercent / 100,
              maxPoints: 1,
              explanation: '',
            },
          ],
        }),
        id,
      ),
    expire: (grade: Pick<Grade, 'attemptId' | 'quizId' | 'courseId' | 'learnerId'>) =>
      append(
        attemptStreamName(grade.attemptId),
        AttemptExpired.create({
          ...grade,
          deadline: '2030-01-01T10:09:00.000Z',
          closedAt: '2030-01-01T10:09:00.000Z',
        }),
      ),
  };
}

export type QuizResultEvents = ReturnType<typeof quizResultEvents>;
