import type { LiveMessage } from '@quizbook/contracts';
import type { TestApps } from '../../../../libs/testing/src/apps';
import { courseDraft, eventually, httpClient, signUp, signUpInstructor } from './journey-kit';
import {
  bookAndPay,
  fiveOfSixAnswers,
  mailbox,
  openLive,
  quizOfEveryKind,
  startEveryApp,
  storeProfiles,
  twoOfSixAnswers,
  type LiveClient,
} from './quiz-journey-kit';

interface Started {
  attemptId: string;
  deadline: string;
  questions: { questionId: string; kind: string; correctOptionId?: unknown; acceptedAnswers?: unknown }[];
}
interface Attempt {
  status: string;
  scorePercent?: number;
  passed?: boolean;
  results?: {
    questionId: string;
    outcome: string;
    awardedPoints: number;
    maxPoints: number;
    explanation: string;
  }[];
}
interface Scoreboard {
  entries: { rank: number; learnerId: string; scorePercent: number; passed: boolean }[];
}

const isResultOf = (attemptId: string) => (message: LiveMessage) =>
  message.type === 'quiz.result' && message.data.attemptId === attemptId;

describe.each(storeProfiles.filter((profile) => profile.available))(
  'a quiz through bff-web $name: publish, take, live result, scoreboard, digest',
  (profile) => {
    let apps: TestApps;
    let cleanup: () => Promise<void> = async () => undefined;
    const sockets: LiveClient[] = [];
    const edge = httpClient(() => apps.urls['bff-web']!);
    const live = async (token: string, after?: string) => {
      const socket = await openLive(apps.urls['bff-web']!, token, after);
      sockets.push(socket);
      return socket;
    };

    beforeAll(async () => {
      const stores = await profile.open();
      cleanup = stores.cleanup;
      apps = await startEveryApp(stores.env);
    });
    afterAll(async () => {
      await Promise.all(sockets.map((socket) => socket.close()));
      await apps?.close();
      await cleanup();
    });

    it('an enrolled learner takes the published quiz and gets the result live; one digest reaches the instructor', async () => {
      const instructorEmail = 'ivo.quiz@example.com';
      const instructor = await signUpInstructor(edge, instructorEmail);
      const paula = await signUp(edge, 'paula.quiz@example.com', 'Paula');
      const sam = await signUp(edge, 'sam.quiz@example.com', 'Sam');
      const nora = await signUp(edge, 'nora.quiz@example.com', 'Nora');

      const course = await edge<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Quizzable Course' }),
      });
      const { courseId } = course.body;
      expect(
        (await edge('POST', `/api/courses/${courseId}/publish`, { token: instructor.token })).status,
      ).toBe(200);
      const other = await edge<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Follow-up Course' }),
      });
      expect(
        (await edge('POST', `/api/courses/${other.body.courseId}/publish`, { token: instructor.token }))
          .status,
      ).toBe(200);

      // Sam listens from before paying: the positions he sees are where he resumes from later.
      const samFirstSocket = await live(sam.token);
      await bookAndPay(edge, apps.urls.payment!, paula.token, courseId);
      await bookAndPay(edge, apps.urls.payment!, sam.token, courseId);

      // Step: the instructor drafts a quiz with one question of every kind and publishes it.
      const drafted = await edge<{ quizId: string; status: string }>(
        'POST',
        `/api/courses/${courseId}/quizzes`,
        {
          token: instructor.token,
          body: quizOfEveryKind,
        },
      );
      expect(drafted.status).toBe(201);
      expect(drafted.body.status).toBe('draft');
      expect(drafted.headers.get('location')).toBe(`/api/quizzes/${drafted.body.quizId}`);
      const { quizId } = drafted.body;
      const published = await edge<{ version: number }>('POST', `/api/quizzes/${quizId}/publish`, {
        token: instructor.token,
      });
      expect(published.status).toBe(200);
      expect(published.body.version).toBe(1);

      // Step: a learner without a seat is refused with 403, not 404: the quiz exists and is published.
      const refused = await edge<{ type: string }>('POST', `/api/quizzes/${quizId}/attempts`, {
        token: nora.token,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe('urn:quizbook:problem:not-enrolled');

      // Step: the enrolled learner sees the quiz without answers, starts, submits, and hears back live.
      const seen = await edge<{ questions: Record<string, unknown>[] }>('GET', `/api/quizzes/${quizId}`, {
        token: paula.token,
      });
      expect(seen.status).toBe(200);
      expect(seen.body.questions).toHaveLength(5);
      for (const question of seen.body.questions) {
        expect(question).not.toHaveProperty('correctOptionId');
        expect(question).not.toHaveProperty('correctOptionIds');
        expect(question).not.toHaveProperty('acceptedAnswers');
        expect(question).not.toHaveProperty('explanation');
      }
      const paulaSocket = await live(paula.token);
      const started = await edge<Started>('POST', `/api/quizzes/${quizId}/attempts`, { token: paula.token });
      expect(started.status).toBe(201);
      expect(started.body.questions.map((question) => question.kind).sort()).toEqual([
        'multiple-choice',
        'numeric',
        'short-text',
        'single-choice',
        'true-false',
      ]);
      const paulaAttempt = started.body.attemptId;
      const submitted = await edge('POST', `/api/attempts/${paulaAttempt}/submit`, {
        token: paula.token,
        body: { answers: fiveOfSixAnswers },
      });
      expect(submitted.status).toBe(202);
      expect(submitted.body).toMatchObject({ attemptId: paulaAttempt, status: 'submitted', late: false });
      // The same sheet again is a retry (answered with the first submission); another sheet is refused.
      const retried = await edge('POST', `/api/attempts/${paulaAttempt}/submit`, {
        token: paula.token,
        body: { answers: fiveOfSixAnswers },
      });
      expect(retried.status).toBe(202);
      expect(retried.body).toEqual(submitted.body);
      const again = await edge<{ type: string }>('POST', `/api/attempts/${paulaAttempt}/submit`, {
        token: paula.token,
        body: { answers: {} },
      });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('urn:quizbook:problem:attempt-already-submitted');

      const result = await paulaSocket.next(isResultOf(paulaAttempt));
      expect(result).toMatchObject({
        type: 'quiz.result',
        data: { attemptId: paulaAttempt, quizId, courseId, scorePercent: 83.33, passed: true },
      });
      expect(result.position).toMatch(/^\d+$/);

      // Step: the graded attempt, question by question.
      const graded = await edge<Attempt>('GET', `/api/attempts/${paulaAttempt}`, { token: paula.token });
      expect(graded.status).toBe(200);
      expect(graded.body).toMatchObject({ status: 'graded', scorePercent: 83.33, passed: true });
      const outcomes = Object.fromEntries(
        (graded.body.results ?? []).map((entry) => [entry.questionId, [entry.outcome, entry.awardedPoints]]),
      );
      expect(outcomes).toEqual({
        single: ['correct', 1],
        multiple: ['partial', 1],
        truefalse: ['correct', 1],
        short: ['correct', 1],
        numeric: ['correct', 1],
      });
      expect(graded.body.results?.find((entry) => entry.questionId === 'short')?.explanation).toBe(
        'A decider is a pure function.',
      );

      // Step: Sam starts, drops his connection before grading, and resumes from the last position he saw.
      await samFirstSocket.next(
        (message) => message.type === 'enrollment' && message.data.courseId === courseId,
      );
      const lastSeen = samFirstSocket.messages.at(-1)?.position;
      expect(lastSeen).toBeDefined();
      const samStarted = await edge<Started>('POST', `/api/quizzes/${quizId}/attempts`, { token: sam.token });
      expect(samStarted.status).toBe(201);
      const samAttempt = samStarted.body.attemptId;
      await samFirstSocket.close();
      expect(
        (
          await edge('POST', `/api/attempts/${samAttempt}/submit`, {
            token: sam.token,
            body: { answers: twoOfSixAnswers },
          })
        ).status,
      ).toBe(202);
      const samGraded = await eventually(
        () => edge<Attempt>('GET', `/api/attempts/${samAttempt}`, { token: sam.token }),
        (answer) => answer.body.status === 'graded',
      );
      expect(samGraded.body).toMatchObject({ status: 'graded', scorePercent: 33.33, passed: false });
      expect(samFirstSocket.messages.some(isResultOf(samAttempt))).toBe(false);

      const resumed = await live(sam.token, lastSeen);
      const missed = await resumed.next(isResultOf(samAttempt));
      expect(missed.data).toMatchObject({ attemptId: samAttempt, scorePercent: 33.33, passed: false });
      // A later message marks "everything before it has arrived": the missed result came once.
      await edge('POST', '/api/cart/items', { token: sam.token, body: { courseId: other.body.courseId } });
      const marker = await edge<{ orderId: string }>('POST', '/api/orders', { token: sam.token });
      expect(marker.status).toBe(201);
      await resumed.next(
        (message) => message.type === 'order.status' && message.data.orderId === marker.body.orderId,
      );
      expect(resumed.messages.filter(isResultOf(samAttempt))).toHaveLength(1);
      const positions = resumed.messages.map((message) => BigInt(message.position));
      expect(positions.every((position) => position > BigInt(lastSeen!))).toBe(true);
      expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
      expect(new Set(positions.map(String)).size).toBe(positions.length);

      // Step: the scoreboard ranks both, best first; the learners' progress shows it too.
      const board = await eventually(
        () => edge<Scoreboard>('GET', `/api/quizzes/${quizId}/scoreboard`, { token: paula.token }),
        (answer) => answer.body.entries?.length === 2,
      );
      expect(board.status).toBe(200);
      expect(board.body.entries).toEqual([
        expect.objectContaining({ rank: 1, learnerId: paula.userId, scorePercent: 83.33, passed: true }),
        expect.objectContaining({ rank: 2, learnerId: sam.userId, scorePercent: 33.33, passed: false }),
      ]);
      expect(
        (await edge('GET', `/api/quizzes/${quizId}/scoreboard`, { token: instructor.token })).status,
      ).toBe(200);
      expect((await edge('GET', `/api/quizzes/${quizId}/scoreboard`, { token: nora.token })).status).toBe(
        404,
      );
      const progress = await edge<{ quizzes: { quizId: string; bestScorePercent: number | null }[] }>(
        'GET',
        `/api/courses/${courseId}/progress`,
        { token: paula.token },
      );
      expect(progress.status).toBe(200);
      expect(progress.body.quizzes).toEqual([expect.objectContaining({ quizId, bestScorePercent: 83.33 })]);

      // Step: one score digest for the quiz in the instructor's mailbox, not one email per attempt.
      const isDigest = (mail: { to: string; subject: string }) =>
        mail.to === instructorEmail && mail.subject.startsWith(quizOfEveryKind.title);
      const mails = await eventually(
        () => mailbox(apps.urls.notification!),
        (all) => all.some(isDigest),
      );
      expect(mails.filter(isDigest)).toHaveLength(1);
    });
  },
);
