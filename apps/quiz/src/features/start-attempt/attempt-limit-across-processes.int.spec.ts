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

    it('makes one attempt of 10 concurrent starts across both, then the next after a submit, never a third', async () => {
      const { quizId } = await withEventStore(env.EVENT_STORE_URL!, (store) =>
        seedQuiz(store, { enrolled: ['learner-1'], settings: { attemptsAllowed: 2 } }),
      );
      const on = (index: number) => quizApi(() => (index % 2 === 0 ? first : second).url);
      const tenStarts = () =>
        Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            on(index)<{ attemptId?: string; attemptNumber?: number; type?: string }>(
              'POST',
              `/quizzes/${quizId}/attempts`,
              { token: learner },
            ),
          ),
        );
      for (const attemptNumber of [1, 2]) {
        const answers = await tenStarts();
        // Two processes that start in the same millisecond append the very same AttemptStarted (same
        // event id and content): the store takes it once and both answer 201 with that one attempt.
        expect(answers.some((answer) => answer.status === 201)).toBe(true);
        expect(answers.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);
        expect(new Set(answers.map((answer) => answer.body.attemptId)).size).toBe(1);
        expect(new Set(answers.map((answer) => answer.body.attemptNumber))).toEqual(new Set([attemptNumber]));
        const submitted = await on(attemptNumber)('POST', `/attempts/${answers[0]!.body.attemptId}/submit`, {
          token: learner,
          body: { answers: {} },
        });
        expect(submitted.status).toBe(202);
      }
      const refused = await tenStarts();
      expect(refused.map((answer) => answer.status)).toEqual(Array<number>(10).fill(409));
      for (const answer of refused) expect(answer.body.type).toMatch(/no-attempts-left$/);
      await withEventStore(env.EVENT_STORE_URL!, async (store) => {
        for (const attemptNumber of [1, 2, 3]) {
          const events = await attemptEventsOf(store, attemptIdOf(quizId, 'learner-1', attemptNumber));
          const started = events.filter((event) => event.type === 'AttemptStarted');
          expect(started).toHaveLength(attemptNumber <= 2 ? 1 : 0);
          if (started[0])
            expect(started[0].streamName).toBe(
              attemptStreamName(attemptIdOf(quizId, 'learner-1', attemptNumber)),
            );
        }
      });
    });
  },
);
