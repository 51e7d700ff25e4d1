import { AttemptSubmissionReceived, quizSubmissionsTopic } from '@quizbook/contracts';
import type { EventStore, NewEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import type { TestApps } from '@quizbook/testing';
import {
  attemptEventsOf,
  eventually,
  quizApi,
  rightAnswers,
  seedQuiz,
  startQuizApp,
  TestClock,
  TestIssuer,
} from '../attempt-support/attempt-test-kit';
import { appBus, appEventStore, storeProfiles } from '../attempt-support/store-profiles';
import { overdueGradeMs } from '../attempt-workers';

describe.each(storeProfiles.filter((profile) => profile.available))(
  'grading is exactly once $name',
  (profile) => {
    const issuer = new TestIssuer();
    const clock = new TestClock();
    let jwksUrl: string;
    let env: Environment;
    let cleanup: () => Promise<void>;
    let apps: TestApps | undefined;
    const call = quizApi(() => apps!.url);
    const learners = Array.from({ length: 6 }, (_, index) => `learner-${index + 1}`);

    const start = async () => {
      apps = await startQuizApp(jwksUrl, { env, clock: clock.now });
    };
    const stop = async () => {
      await apps?.close();
      apps = undefined;
    };
    /** Runs `work` on the app's own event store instance (its in-process subscribers see the appends). */
    const withStore = async <T>(work: (store: EventStore) => Promise<T>): Promise<T> => {
      const lease = await appEventStore(apps!, env);
      try {
        return await work(lease.resource);
      } finally {
        await lease.release();
      }
    };
    const gradesOf = (attemptId: string) =>
      withStore(async (store) =>
        (await attemptEventsOf(store, attemptId)).filter((event) => event.type === 'AttemptGraded'),
      );
    /** A quiz every learner is enrolled in, and one started attempt per learner. */
    const startedAttempts = async () => {
      const { quizId } = await withStore((store) => seedQuiz(store, { enrolled: learners }));
      const attemptIds: string[] = [];
      for (const learner of learners) {
        const started = await call<{ attemptId: string }>('POST', `/quizzes/${quizId}/attempts`, {
          token: issuer.tokenFor(learner, ['learner']),
        });
        expect(started.status).toBe(201);
        attemptIds.push(started.body.attemptId);
      }
      return attemptIds;
    };
    const submitAll = async (attemptIds: string[]) => {
      for (const [index, attemptId] of attemptIds.entries()) {
        const submitted = await call('POST', `/attempts/${attemptId}/submit`, {
          token: issuer.tokenFor(learners[index]!, ['learner']),
          body: { answers: rightAnswers },
        });
        expect(submitted.status).toBe(202);
      }
    };
    const expectGradedOnce = async (attemptIds: string[]) => {
      for (const attemptId of attemptIds) {
        await eventually(
          () => gradesOf(attemptId),
          (grades) => grades.length > 0,
          `attempt ${attemptId} to be graded`,
        );
      }
      for (const attemptId of attemptIds) {
        const grades = await gradesOf(attemptId);
        expect(grades).toHaveLength(1);
        expect(grades[0]!.data).toMatchObject({ attemptId, scorePercent: 100, passed: true });
      }
    };

    beforeAll(async () => {
      jwksUrl = await issuer.start();
      ({ env, cleanup } = await profile.open());
    });
    afterEach(stop);
    afterAll(async () => {
      await issuer.close();
      await cleanup();
    });

    it('records one grade when the same submission arrives several times, also concurrently', async () => {
      await start();
      const attemptIds = await startedAttempts();
      await submitAll(attemptIds);
      await expectGradedOnce(attemptIds);
      const lease = await appBus(apps!, env);
      try {
        // Redeliveries (same id) and republishes under new ids, all at once.
        const duplicates = attemptIds.flatMap((attemptId) =>
          ['same', 'same', 'other-1', 'other-2'].map((tag) => ({
            id: `dup-${tag}-${attemptId}`,
            type: AttemptSubmissionReceived.type,
            key: attemptId,
            payload: AttemptSubmissionReceived.create({ attemptId }).data,
          })),
        );
        await Promise.all(duplicates.map((message) => lease.resource.publish(quizSubmissionsTopic, message)));
      } finally {
        await lease.release();
      }
      // Settled when a submission published after the duplicates is graded (per-key order aside,
      // the grader has by then handled messages published before it on a quiet bus).
      const [marker] = await startedAttempts();
      await submitAll([marker!]);
      await expectGradedOnce([...attemptIds, marker!]);
    });

    it('grades a submission whose process died before the relay could publish it', async () => {
      await start();
      const attemptIds = await startedAttempts();
      const lease = await appBus(apps!, env);
      const bus = lease.resource;
      const publish = bus.publish.bind(bus);
      bus.publish = () => Promise.reject(new Error('bus unreachable'));
      await submitAll(attemptIds);
      expect(await gradesOf(attemptIds[0]!)).toEqual([]);
      bus.publish = publish;
      await lease.release();
      await stop();

      await start();
      await expectGradedOnce(attemptIds);
    });

    it('grades every submission exactly once after the grader crashed mid-batch', async () => {
      await start();
      const attemptIds = await startedAttempts();
      let gradesRecorded = 0;
      await withStore(async (store) => {
        // The grader dies after two grades: every later AttemptGraded append fails.
        const append = store.appendToStream.bind(store);
        store.appendToStream = (streamName, events: readonly NewEvent[], options) => {
          if (events.some((event) => event.type === 'AttemptGraded')) {
            if (gradesRecorded >= 2) return Promise.reject(new Error('grader crashed'));
            gradesRecorded += 1;
          }
          return append(streamName, events, options);
        };
      });
      await submitAll(attemptIds);
      const graded = await eventually(
        async () => {
          let count = 0;
          for (const attemptId of attemptIds) count += (await gradesOf(attemptId)).length;
          return count;
        },
        (count) => count === 2,
        'the two grades recorded before the crash',
      );
      expect(graded).toBe(2);
      await stop();

      // Whatever the bus still holds (Redis) or lost with the process (memory), the restarted app
      // grades the rest: redelivery, or the timer's sweep of grades overdue.
      clock.advance(overdueGradeMs + 1_000);
      await start();
      await expectGradedOnce(attemptIds);
    });
  },
);
