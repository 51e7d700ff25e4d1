import { openCheckpointStore, openSqlDatabase } from '@quizbook/database';
import { quizResultEvents, type QuizResultEvents } from '../../testing/quiz-result-events';
import {
  availableProfiles,
  eventually,
  QuizResultHarness,
  TestIssuer,
} from '../../testing/quiz-result-test-kit';
import type { ScoreboardEntry } from './scoreboard-query';

interface Scoreboard {
  quizId: string;
  title: string;
  entries: ScoreboardEntry[];
}

describe.each(availableProfiles)('scoreboards and course progress on $name', (profile) => {
  const issuer = new TestIssuer();
  let harness: QuizResultHarness;
  let events: QuizResultEvents;
  let cleanup: () => Promise<void> = async () => undefined;
  const owner = issuer.tokenFor('owner-1', ['instructor']);
  const ann = issuer.tokenFor('ann');
  const bob = issuer.tokenFor('bob');
  const quiz = { quizId: 'quiz-1', courseId: 'course-1' };

  const scoreboard = (token: string, done: (board: Scoreboard) => boolean = () => true) =>
    eventually(
      () => harness.get<Scoreboard>(`/quizzes/${quiz.quizId}/scoreboard`, token),
      (answer) => answer.status === 200 && done(answer.body),
      'the scoreboard',
    );

  beforeAll(async () => {
    const stores = await profile.open();
    cleanup = stores.cleanup;
    harness = new QuizResultHarness(stores.env, await issuer.start());
    await harness.start();
    events = quizResultEvents(harness.writer!);
    await events.user('ann', 'Ann Lee');
    await events.user('bob', 'Bob Stone');
    await events.user('cat', 'Cat Moss');
    await events.course('course-1', 'owner-1');
    await events.course('course-2', 'owner-2');
    await events.enroll('course-1', 'order-ann', 'ann');
    await events.enroll('course-1', 'order-bob', 'bob');
    await events.enroll('course-1', 'order-cat', 'cat');
    await events.enroll('course-2', 'order-dan', 'dan');
    await events.publishQuiz(quiz.quizId, quiz.courseId, 'owner-1', 'Deciders quiz');
    await events.publishQuiz('quiz-draft-only', 'course-1', 'owner-1');
    await events.archiveQuiz('quiz-draft-only');
  });
  afterAll(async () => {
    await harness?.close();
    await issuer.close();
    await cleanup();
  });

  it('ranks best scores first and breaks ties by the earlier finish', async () => {
    const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    await events.start({ ...quiz, attemptId: 'ann-1', learnerId: 'ann' });
    await events.grade({
      ...quiz,
      attemptId: 'ann-1',
      learnerId: 'ann',
      scorePercent: 80,
      finishedAt: at(5),
    });
    await events.start({ ...quiz, attemptId: 'bob-1', learnerId: 'bob' });
    await events.grade({
      ...quiz,
      attemptId: 'bob-1',
      learnerId: 'bob',
      scorePercent: 80,
      finishedAt: at(3),
    });
    await events.start({ ...quiz, attemptId: 'cat-1', learnerId: 'cat' });
    await events.grade({
      ...quiz,
      attemptId: 'cat-1',
      learnerId: 'cat',
      scorePercent: 95,
      finishedAt: at(9),
    });

    const board = await scoreboard(ann, (body) => body.entries.length === 3);
    expect(board.body).toEqual({
      quizId: 'quiz-1',
      title: 'Deciders quiz',
      entries: [
        {
          rank: 1,
          learnerId: 'cat',
          learnerName: 'Cat Moss',
          scorePercent: 95,
          passed: true,
          finishedAt: at(9),
          attempts: 1,
        },
        {
          rank: 2,
          learnerId: 'bob',
          learnerName: 'Bob Stone',
          scorePercent: 80,
          passed: true,
          finishedAt: at(3),
          attempts: 1,
        },
        {
          rank: 3,
          learnerId: 'ann',
          learnerName: 'Ann Lee',
          scorePercent: 80,
          passed: true,
          finishedAt: at(5),
          attempts: 1,
        },
      ],
    });
    const limited = await harness.get<Scoreboard>('/quizzes/quiz-1/scoreboard?limit=1', owner);
    expect(limited.body.entries.map((entry) => entry.learnerId)).toEqual(['cat']);
  });

  it('keeps the better attempt when a worse or equal one is graded later, and counts every attempt', async () => {
    // Ann's second try is better, her third (finished before the second, graded last) is not.
    await events.start({ ...quiz, attemptId: 'ann-2', learnerId: 'ann' }, 2);
    await events.start({ ...quiz, attemptId: 'ann-3', learnerId: 'ann' }, 3);
    await events.grade({
      ...quiz,
      attemptId: 'ann-2',
      learnerId: 'ann',
      scorePercent: 100,
      finishedAt: '2030-01-01T11:00:00.000Z',
    });
    await events.grade({
      ...quiz,
      attemptId: 'ann-3',
      learnerId: 'ann',
      scorePercent: 100,
      finishedAt: '2030-01-01T11:30:00.000Z',
    });
    // Bob's later, worse attempt must not displace his 80, and an expired one still counts.
    await events.start({ ...quiz, attemptId: 'bob-2', learnerId: 'bob' }, 2);
    await events.grade({
      ...quiz,
      attemptId: 'bob-2',
      learnerId: 'bob',
      scorePercent: 20,
      finishedAt: '2030-01-01T12:00:00.000Z',
    });
    await events.start({ ...quiz, attemptId: 'bob-3', learnerId: 'bob' }, 3);
    await events.expire({ ...quiz, attemptId: 'bob-3', learnerId: 'bob' });

    const board = await scoreboard(
      owner,
      (body) => body.entries.find((e) => e.learnerId === 'bob')?.attempts === 3,
    );
    expect(
      board.body.entries.map(({ rank, learnerId, scorePercent, finishedAt, attempts }) => ({
        rank,
        learnerId,
        scorePercent,
        finishedAt,
        attempts,
      })),
    ).toEqual([
      { rank: 1, learnerId: 'ann', scorePercent: 100, finishedAt: '2030-01-01T11:00:00.000Z', attempts: 3 },
      { rank: 2, learnerId: 'cat', scorePercent: 95, finishedAt: '2030-01-01T10:09:00.000Z', attempts: 1 },
      { rank: 3, learnerId: 'bob', scorePercent: 80, finishedAt: '2030-01-01T10:03:00.000Z', attempts: 3 },
    ]);
  });

  it("answers a learner's own progress in the course, and the owner anyone's", async () => {
    const mine = await eventually(
      () => harness.get('/courses/course-1/progress', bob),
      (answer) => answer.status === 200,
      'progress',
    );
    // The archived quiz nobody took is not listed.
    expect(mine.body).toEqual({
      courseId: 'course-1',
      learnerId: 'bob',
      quizzes: [
        { quizId: 'quiz-1', title: 'Deciders quiz', bestScorePercent: 80, passed: true, attempts: 3 },
      ],
    });
    const asOwner = await harness.get('/courses/course-1/progress?learnerId=bob', owner);
    expect(asOwner.body).toEqual(mine.body);
    const admin = issuer.tokenFor('boss', ['admin']);
    expect((await harness.get('/courses/course-1/progress?learnerId=bob', admin)).body).toEqual(mine.body);
  });

  it('answers 404 to anyone who is not an enrolled learner, the owner or an admin', async () => {
    const dan = issuer.tokenFor('dan');
    const otherOwner = issuer.tokenFor('owner-2', ['instructor']);
    const notFound = expect.objectContaining({ status: 404 });
    expect(await harness.get('/quizzes/quiz-1/scoreboard', dan)).toEqual(notFound);
    expect(await harness.get('/quizzes/quiz-1/scoreboard', otherOwner)).toEqual(notFound);
    expect(await harness.get('/quizzes/nope/scoreboard', ann)).toEqual(notFound);
    expect(await harness.get('/courses/course-1/progress', dan)).toEqual(notFound);
    expect(await harness.get('/courses/course-1/progress?learnerId=ann', bob)).toEqual(notFound);
    expect(await harness.get('/courses/course-1/progress?learnerId=ann', otherOwner)).toEqual(notFound);
    expect((await harness.get('/quizzes/quiz-1/scoreboard')).status).toBe(401);
    const body = (await harness.get('/quizzes/quiz-1/scoreboard', dan)).body;
    expect(body).toMatchObject({ type: expect.stringContaining('quiz-not-found') });
  });

  it('takes back access when a refund revokes the enrollment', async () => {
    await events.refund('course-1', 'order-cat', 'cat');
    const cat = issuer.tokenFor('cat');
    const answer = await eventually(
      () => harness.get('/quizzes/quiz-1/scoreboard', cat),
      (found) => found.status === 404,
      'the refund to revoke access',
    );
    expect(answer.body).toMatchObject({ status: 404 });
  });

  it('names the field at fault for a bad limit', async () => {
    const answer = await harness.get('/quizzes/quiz-1/scoreboard?limit=0', owner);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ field: 'limit' })] });
  });

  it('changes nothing when the same events are applied again (a replay over the read models)', async () => {
    const before = await harness.get<Scoreboard>('/quizzes/quiz-1/scoreboard', owner);
    const beforeProgress = await harness.get('/courses/course-1/progress?learnerId=ann', owner);
    await harness.stop();
    const readDb = await openSqlDatabase(harness.env.READ_DB_URL!);
    try {
      const checkpoints = await openCheckpointStore(readDb);
      for (const name of ['quiz_result_scores', 'quiz_result_quizzes', 'quiz_result_course_members'])
        await checkpoints.reset(name);
    } finally {
      await readDb.close();
    }
    await harness.start();
    await eventually(
      () => harness.get('/health/ready'),
      (answer) => answer.status === 200,
      'the replay to catch up',
    );
    expect(await harness.get('/quizzes/quiz-1/scoreboard', owner)).toEqual({
      status: 200,
      body: before.body,
    });
    expect((await harness.get('/courses/course-1/progress?learnerId=ann', owner)).body).toEqual(
      beforeProgress.body,
    );
  });
});
