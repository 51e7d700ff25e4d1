import type { LiveMessage } from '@quizbook/contracts';
import type { TestApps } from '../../../../libs/testing/src/apps';
import { bffWebApp } from '../bff-web.app';
import { courseDraft, httpClient, signUp, signUpInstructor } from './journey-kit';
import {
  bookAndPay,
  fiveOfSixAnswers,
  openLive,
  quizOfEveryKind,
  startEveryApp,
  storeProfiles,
  type LiveClient,
} from './quiz-journey-kit';

describe.each(storeProfiles.filter((profile) => profile.available))(
  'a quiz result with two bff-web instances $name',
  (profile) => {
    let apps: TestApps;
    let cleanup: () => Promise<void> = async () => undefined;
    const sockets: LiveClient[] = [];
    // Two edges in front of the same services; the learner talks to one, listens on the other.
    const edgeUrls = () =>
      apps.handles.filter((handle) => handle.name === 'bff-web').map((handle) => handle.url);
    const submitting = httpClient(() => edgeUrls()[1]!);

    beforeAll(async () => {
      const stores = await profile.open();
      cleanup = stores.cleanup;
      apps = await startEveryApp(stores.env, [bffWebApp]);
    });
    afterAll(async () => {
      await Promise.all(sockets.map((socket) => socket.close()));
      await apps?.close();
      await cleanup();
    });

    it('reaches the socket held by the other instance, once, through the bus', async () => {
      expect(new Set(edgeUrls()).size).toBe(2);
      const instructor = await signUpInstructor(submitting, 'ivan.instances@example.com');
      const learner = await signUp(submitting, 'lina.instances@example.com');
      const course = await submitting<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Two Edges' }),
      });
      const { courseId } = course.body;
      await submitting('POST', `/api/courses/${courseId}/publish`, { token: instructor.token });
      await bookAndPay(submitting, apps.urls.payment!, learner.token, courseId);
      const quiz = await submitting<{ quizId: string }>('POST', `/api/courses/${courseId}/quizzes`, {
        token: instructor.token,
        body: quizOfEveryKind,
      });
      expect(
        (await submitting('POST', `/api/quizzes/${quiz.body.quizId}/publish`, { token: instructor.token }))
          .status,
      ).toBe(200);

      const listening = await openLive(edgeUrls()[0]!, learner.token);
      sockets.push(listening);
      const started = await submitting<{ attemptId: string }>(
        'POST',
        `/api/quizzes/${quiz.body.quizId}/attempts`,
        {
          token: learner.token,
        },
      );
      expect(started.status).toBe(201);
      const { attemptId } = started.body;
      expect(
        (
          await submitting('POST', `/api/attempts/${attemptId}/submit`, {
            token: learner.token,
            body: { answers: fiveOfSixAnswers },
          })
        ).status,
      ).toBe(202);

      const isResult = (message: LiveMessage) =>
        message.type === 'quiz.result' && message.data.attemptId === attemptId;
      const result = await listening.next(isResult);
      expect(result.data).toMatchObject({ attemptId, scorePercent: 83.33, passed: true });
      // A later message for the same user marks that everything before it has arrived: one result.
      const other = await submitting<{ courseId: string }>('POST', '/api/courses', {
        token: instructor.token,
        body: courseDraft({ title: 'Two Edges, part two' }),
      });
      await submitting('POST', `/api/courses/${other.body.courseId}/publish`, { token: instructor.token });
      await submitting('POST', '/api/cart/items', {
        token: learner.token,
        body: { courseId: other.body.courseId },
      });
      const marker = await submitting<{ orderId: string }>('POST', '/api/orders', { token: learner.token });
      expect(marker.status).toBe(201);
      await listening.next(
        (message) => message.type === 'order.status' && message.data.orderId === marker.body.orderId,
      );
      expect(listening.messages.filter(isResult)).toHaveLength(1);
    });
  },
);
