import { LiveUpdatePublished, liveUpdatesTopic, type LiveMessage } from '@quizbook/contracts';
import type { Message } from '@quizbook/messaging';
import { quizResultEvents, type QuizResultEvents } from '../../testing/quiz-result-events';
import {
  availableProfiles,
  eventually,
  QuizResultHarness,
  TestIssuer,
} from '../../testing/quiz-result-test-kit';

describe.each(availableProfiles)('the live feed on $name', (profile) => {
  const issuer = new TestIssuer();
  let harness: QuizResultHarness;
  let events: QuizResultEvents;
  let published: Message[];
  let cleanup: () => Promise<void> = async () => undefined;
  const ann = issuer.tokenFor('ann');
  const quiz = { quizId: 'quiz-1', courseId: 'course-1' };

  const messagesOf = (token: string, query = '') =>
    harness.get<{ messages: LiveMessage[] }>(`/live/messages${query}`, token);
  const publishedFor = (userId: string) =>
    published
      .map((message) => LiveUpdatePublished.parse(message.payload))
      .filter((update) => update.userId === userId);

  beforeAll(async () => {
    const stores = await profile.open();
    cleanup = stores.cleanup;
    harness = new QuizResultHarness(stores.env, await issuer.start());
    await harness.start();
    published = await harness.record(liveUpdatesTopic);
    events = quizResultEvents(harness.writer!);
    await events.course('course-1', 'owner-1');
    await events.publishQuiz(quiz.quizId, quiz.courseId, 'owner-1');
  });
  afterAll(async () => {
    await harness?.close();
    await issuer.close();
    await cleanup();
  });

  it('turns order events, the confirmed seat and a grade into live messages for the learner, in order', async () => {
    await events.enroll('course-1', 'order-1', 'ann');
    await events.start({ ...quiz, attemptId: 'ann-1', learnerId: 'ann' });
    const appendedAt = performance.now();
    const gradedAt = await events.grade({
      ...quiz,
      attemptId: 'ann-1',
      learnerId: 'ann',
      scorePercent: 75,
      finishedAt: '2030-01-01T10:05:00.000Z',
    });
    await eventually(
      async () => publishedFor('ann'),
      (updates) => updates.some((update) => update.message.type === 'quiz.result'),
      'the quiz.result on live-updates',
    );
    // Reported, not asserted: from the append of AttemptGraded to the live update on the bus.
    const pushedAt = harness.firstReceivedAt.get(`live-${gradedAt}-ann`)!;
    process.stdout.write(
      `[${profile.name}] quiz.result on live-updates ${(pushedAt - appendedAt).toFixed(1)} ms after the append of AttemptGraded began\n`,
    );

    const answer = await eventually(
      () => messagesOf(ann),
      (found) => found.body.messages.length === 4,
      'four stored live messages',
    );
    const messages = answer.body.messages;
    expect(messages.map((message) => message.type)).toEqual([
      'order.status',
      'order.status',
      'enrollment',
      'quiz.result',
    ]);
    expect(messages.map((message) => message.data)).toEqual([
      { orderId: 'order-1', status: 'initiated' },
      { orderId: 'order-1', status: 'paid' },
      { courseId: 'course-1', orderId: 'order-1', status: 'enrolled' },
      {
        attemptId: 'ann-1',
        quizId: 'quiz-1',
        courseId: 'course-1',
        scorePercent: 75,
        passed: true,
        finishedAt: '2030-01-01T10:05:00.000Z',
      },
    ]);
    expect(messages[3]!.position).toBe(gradedAt.toString());
    const positions = messages.map((message) => BigInt(message.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

    // What bff-web receives on the bus is exactly what a replay answers, with the agreed ids.
    const updates = await eventually(
      async () => published.filter((message) => LiveUpdatePublished.parse(message.payload).userId === 'ann'),
      (found) => found.length === 4,
      'four live updates on the bus',
    );
    expect(updates.map((message) => LiveUpdatePublished.parse(message.payload).message)).toEqual(messages);
    expect(updates.map((message) => message.id)).toEqual(
      messages.map((message) => `live-${message.position}-ann`),
    );
    expect(updates.every((message) => message.key === 'ann' && message.type === 'LiveUpdatePublished')).toBe(
      true,
    );
  });

  it('replays only what comes after a position, in pages', async () => {
    const all = (await messagesOf(ann)).body.messages;
    const second = all[1]!.position;
    expect((await messagesOf(ann, `?after=${second}`)).body.messages).toEqual(all.slice(2));
    expect((await messagesOf(ann, `?after=${second}&limit=1`)).body.messages).toEqual(all.slice(2, 3));
    expect((await messagesOf(ann, `?after=${all[3]!.position}`)).body.messages).toEqual([]);
    expect((await messagesOf(ann, '?limit=2')).body.messages).toEqual(all.slice(0, 2));
  });

  it("answers only the caller's own messages", async () => {
    await events.enroll('course-1', 'order-2', 'bob');
    const bob = await eventually(
      () => messagesOf(issuer.tokenFor('bob')),
      (found) => found.body.messages.length === 3,
      "bob's messages",
    );
    expect(bob.body.messages.every((message) => JSON.stringify(message.data).includes('order-2'))).toBe(true);
    expect((await messagesOf(ann)).body.messages).toHaveLength(4);
    expect((await messagesOf(issuer.tokenFor('nobody'))).body).toEqual({ messages: [] });
  });

  it('tells the learner when a refund revokes the enrollment', async () => {
    await events.refund('course-1', 'order-1', 'ann');
    const answer = await eventually(
      () => messagesOf(ann),
      (found) => found.body.messages.length === 6,
      'the refund messages',
    );
    expect(answer.body.messages.slice(4).map((message) => message.data)).toEqual([
      { orderId: 'order-1', status: 'refunded' },
      { courseId: 'course-1', orderId: 'order-1', status: 'revoked' },
    ]);
  });

  it('names the field at fault for a bad position or limit', async () => {
    const badAfter = await messagesOf(ann, '?after=abc');
    expect(badAfter.status).toBe(400);
    expect(badAfter.body).toMatchObject({ errors: [expect.objectContaining({ field: 'after' })] });
    const badLimit = await messagesOf(ann, '?limit=5000');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body).toMatchObject({ errors: [expect.objectContaining({ field: 'limit' })] });
    expect((await harness.get('/live/messages')).status).toBe(401);
  });
});
