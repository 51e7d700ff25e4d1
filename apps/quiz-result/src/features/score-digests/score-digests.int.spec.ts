import {
  notificationsTopic,
  QuizScoreDigestRequested,
  type QuizScoreDigestRequestedData,
} from '@quizbook/contracts';
import { openSqlDatabase, type SqlDatabase } from '@quizbook/database';
import type { Message } from '@quizbook/messaging';
import { quizResultEvents, type QuizResultEvents } from '../../testing/quiz-result-events';
import {
  availableProfiles,
  eventually,
  QuizResultHarness,
  TestClock,
  TestIssuer,
} from '../../testing/quiz-result-test-kit';
import type { DigestTables } from './digest.tables';

describe.each(availableProfiles)('instructor score digests on $name, with a moved clock', (profile) => {
  const issuer = new TestIssuer();
  let harness: QuizResultHarness;
  let events: QuizResultEvents;
  let readDb: SqlDatabase<DigestTables>;
  let cleanup: () => Promise<void> = async () => undefined;
  const clock = new TestClock(new Date('2030-01-01T10:00:00.000Z'));
  const recorders: Message[][] = [];
  const quiz = { quizId: 'quiz-1', courseId: 'course-1' };
  const learners = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'];

  /** Every digest seen so far, once per message id (a redelivery or re-publish is one message). */
  const digests = async () => {
    const byId = new Map<string, Message>();
    for (const message of recorders.flat())
      if (message.type === QuizScoreDigestRequested.type) byId.set(message.id, message);
    return [...byId.values()];
  };
  const queued = async () =>
    Number(
      (
        await readDb.db
          .selectFrom('qr_digest_attempts')
          .select(readDb.db.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The digest outbox: what the timer closed, published or not. */
  const closedDigests = () =>
    readDb.db.selectFrom('qr_digests').select('digest_id').orderBy('window_end').execute();
  const grade = (index: number, scorePercent: number, at: string) =>
    events.grade({
      ...quiz,
      attemptId: `attempt-${index}`,
      learnerId: learners[index]!,
      scorePercent,
      finishedAt: at,
      gradedAt: at,
    });
  const record = async () => recorders.push(await harness.record(notificationsTopic));

  beforeAll(async () => {
    const stores = await profile.open();
    cleanup = stores.cleanup;
    harness = new QuizResultHarness(stores.env, await issuer.start());
    await harness.start({ clock: clock.now });
    readDb = await openSqlDatabase<DigestTables>(stores.env.READ_DB_URL!);
    await record();
    events = quizResultEvents(harness.writer!);
    await events.user('owner-1', 'Olga Owner');
    for (const learner of learners) await events.user(learner, `${learner.toUpperCase()} Learner`);
    await events.course('course-1', 'owner-1');
    await events.publishQuiz(quiz.quizId, quiz.courseId, 'owner-1', 'Deciders quiz');
  });
  afterAll(async () => {
    await readDb?.close();
    await harness?.close();
    await issuer.close();
    await cleanup();
  });

  it('sends one digest listing all five attempts graded while the first one gathered', async () => {
    const scores = [100, 80, 60, 40, 20];
    for (const [index, score] of scores.entries())
      await grade(index, score, `2030-01-01T10:00:${index}0.000Z`);
    await eventually(queued, (count) => count === 5, 'five attempts queued');
    await harness.runTimers();
    expect(await closedDigests()).toEqual([]);
    expect(await digests()).toEqual([]);

    clock.set('2030-01-01T10:01:00.000Z');
    const [digest] = await eventually(digests, (found) => found.length === 1, 'the first digest');
    expect(digest!.id).toBe('quiz-digest-quiz-1-2030-01-01T10:00:00.000Z');
    const data = QuizScoreDigestRequested.parse(digest!.payload);
    expect(data).toEqual({
      instructorId: 'owner-1',
      email: 'owner-1@example.com',
      quizId: 'quiz-1',
      quizTitle: 'Deciders quiz',
      courseId: 'course-1',
      period: '2030-01-01 10:00 - 2030-01-01 10:01 UTC',
      attempts: scores.map((scorePercent, index) => ({
        learnerId: learners[index],
        learnerName: `${learners[index]!.toUpperCase()} Learner`,
        scorePercent,
        passed: scorePercent >= 60,
        finishedAt: `2030-01-01T10:00:${index}0.000Z`,
      })),
      averagePercent: 60,
      passedCount: 3,
    });
  });

  it("holds the rest of the hour's attempts for the next digest, across a restart", async () => {
    await grade(5, 90, '2030-01-01T10:20:00.000Z');
    clock.set('2030-01-01T10:30:00.000Z');
    await eventually(queued, (count) => count === 6, 'the sixth attempt queued');
    await harness.runTimers();
    expect(await closedDigests()).toHaveLength(1);
    expect(await digests()).toHaveLength(1);

    // The app is down while another attempt is graded; the new process finds both waiting.
    await harness.stop();
    await grade(6, 70, '2030-01-01T10:45:00.000Z');
    clock.set('2030-01-01T11:00:59.000Z');
    await harness.start({ clock: clock.now });
    await record();
    await eventually(queued, (count) => count === 7, 'the seventh attempt queued');
    await harness.runTimers();
    expect(await closedDigests()).toHaveLength(1);
    expect(await digests()).toHaveLength(1);

    clock.set('2030-01-01T11:01:00.000Z');
    const found = await eventually(digests, (all) => all.length === 2, 'the second digest');
    const second = found.find((message) => message.id !== found[0]!.id) ?? found[1]!;
    expect(second.id).toBe('quiz-digest-quiz-1-2030-01-01T10:01:00.000Z');
    expect(QuizScoreDigestRequested.parse(second.payload)).toMatchObject({
      period: '2030-01-01 10:01 - 2030-01-01 11:01 UTC',
      attempts: [
        expect.objectContaining({ learnerId: 'fay', scorePercent: 90 }),
        expect.objectContaining({ learnerId: 'gus', scorePercent: 70 }),
      ],
      averagePercent: 80,
      passedCount: 2,
    });
  });

  it('puts no attempt in two digests and leaves none behind', async () => {
    const reported = (await digests()).flatMap((message) =>
      (message.payload as QuizScoreDigestRequestedData).attempts.map((attempt) => attempt.learnerId),
    );
    expect([...reported].sort()).toEqual([...learners].sort());
    const unassigned = await readDb.db
      .selectFrom('qr_digest_attempts')
      .select('attempt_id')
      .where('digest_id', 'is', null)
      .execute();
    expect(unassigned).toEqual([]);
  });

  it('publishes a digest again, same id and content, when the process died before marking it sent', async () => {
    const [, second] = await digests();
    await readDb.db
      .updateTable('qr_digests')
      .set({ published_at: null })
      .where('digest_id', '=', second!.id)
      .execute();
    const fresh: Message[] = await harness.record(notificationsTopic);
    recorders.push(fresh);
    const again = await eventually(
      async () => fresh.filter((message) => message.id === second!.id),
      (found) => found.length > 0,
      'the re-published digest',
    );
    expect(again[0]!.payload).toEqual(second!.payload);
    expect(await digests()).toHaveLength(2);
  });
});
