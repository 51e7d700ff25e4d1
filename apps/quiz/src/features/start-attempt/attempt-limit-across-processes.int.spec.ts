import type { Environment } from '@quizbook/platform';
import type { TestApps } from '@quizbook/testing';
import { attemptStreamName } from '@quizbook/contracts';
import {
  attemptEventsOf,
  quizApi,
  seedQuiz,
  startQuizApp,
  TestIssuer,
  withEventStore,
} from '../attempt-support/attempt-test-kit';
import { storeProfiles } from '../attempt-support/store-profiles';
import { attemptIdOf } from '../attempt-support/attempt-streams';

describe.each(storeProfiles.filter((profile) => profile.available))(
  'attempts allowed, raced from two processes $name',
  (profile) => {
    const issuer = new TestIssuer();
    let env: Environment;
    let cleanup: () => Promise<void>;
    // Two app instances, each with its own store connections, bus and mutex: two processes.
    let first: TestApps;
    let second: TestApps;
    const learner = issuer.tokenFor('learner-1', ['learner']);

    beforeAll(async () => {
      const jwksUrl = await issuer.start();
      ({ env, cleanup } = await profile.open());
      first = await startQuizApp(jwksUrl, { env });
      second = await startQuizApp(jwksUrl, { env });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await issuer.close();
      await cleanup();
    });

    it('starts 2 of 10 concurrent attempts when the quiz allows 2; the other 8 get no-attempts-left', async () => {
      const { quizId } = await withEventStore(env.EVENT_STORE_URL!, (store) =>
        seedQuiz(store, { enrolled: ['learner-1'], settings: { attemptsAllowed: 2 } }),
      );
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          quizApi(() => (index % 2 === 0 ? first : second).url)<{ attemptNumber?: number; type?: string }>(
            'POST',
            `/quizzes/${quizId}/attempts`,
            { token: learner },
          ),
        ),
      );
      const started = answers.filter((answer) => answer.status === 201);
      const refused = answers.filter((answer) => answer.status === 409);
      expect(started.map((answer) => answer.body.attemptNumber).sort()).toEqual([1, 2]);
      expect(refused).toHaveLength(8);
      for (const answer of refused) expect(answer.body.type).toMatch(/no-attempts-left$/);
      await withEventStore(env.EVENT_STORE_URL!, async (store) => {
        for (const attemptNumber of [1, 2, 3]) {
          const events = await attemptEventsOf(store, attemptIdOf(quizId, 'learner-1', attemptNumber));
          expect(events.map((event) => event.type)).toEqual(attemptNumber <= 2 ? ['AttemptStarted'] : []);
          if (events[0])
            expect(events[0].streamName).toBe(
              attemptStreamName(attemptIdOf(quizId, 'learner-1', attemptNumber)),
            );
        }
      });
    });
  },
);
