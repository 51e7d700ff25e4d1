import { openEventStore, type EventStore } from '@quizbook/eventstore';
import { startTestApp, storeProfiles, type OpenedStores, type TestApps } from '@quizbook/testing';
// A spec may boot quiz-result beside bff-web: resuming for real needs its `/live/messages`.
import { quizResultEvents, type QuizResultEvents } from '../../../quiz-result/src/testing/quiz-result-events';
import { createQuizResultApp } from '../../../quiz-result/src/quiz-result.app';
import { bffWebApp } from '../bff-web.app';
import { LiveClient, LiveTestIssuer } from './testing/live-test-kit';

const profiles = storeProfiles({ label: 'live-resume' }).filter((profile) => profile.available);

describe.each(profiles)('resuming GET /api/live against the real quiz-result, on $name', (profile) => {
  const issuer = new LiveTestIssuer();
  let stores: OpenedStores;
  let apps: TestApps;
  let writer: EventStore;
  let events: QuizResultEvents;
  let edge: string;
  let attempts = 0;

  beforeAll(async () => {
    stores = await profile.open();
    apps = await startTestApp([createQuizResultApp({ timerPollMs: 50 }), bffWebApp], {
      env: { ...stores.env, USER_SERVICE_URL: await issuer.start(), LOG_LEVEL: 'warn' },
    });
    edge = apps.urls['bff-web']!;
    writer = await openEventStore(stores.env.EVENT_STORE_URL!);
    events = quizResultEvents(writer);
  });

  afterAll(async () => {
    await apps?.close();
    await writer?.close();
    await stores?.cleanup();
    await issuer.close();
  });

  /** What the grader appends; answers the event's position, which is the live message's. */
  const graded = async (learnerId: string) => {
    attempts += 1;
    const position = await events.grade({
      attemptId: `attempt-${learnerId}-${attempts}`,
      quizId: 'quiz-live',
      courseId: 'course-live',
      learnerId,
      scorePercent: 50 + attempts,
      finishedAt: new Date(Date.UTC(2030, 0, 1, 10, attempts)).toISOString(),
    });
    return position.toString();
  };

  it('pushes a grade live, then replays what a disconnected learner missed, in order, once', async () => {
    const token = issuer.tokenFor('nora');
    const first = await LiveClient.connect(edge, { token });
    const seen = await graded('nora');
    expect(await first.received(1)).toEqual([
      expect.objectContaining({ type: 'quiz.result', position: seen }),
    ]);
    await first.close();

    const missed = [await graded('nora'), await graded('nora')];
    await graded('someone-else');
    const resumed = await LiveClient.connect(edge, { token, after: seen });
    await resumed.received(2);
    const live = await graded('nora');
    await resumed.received(3);
    expect(resumed.positions()).toEqual([...missed, live]);
    expect(resumed.messages.every((message) => message.type === 'quiz.result')).toBe(true);
    await resumed.close();
  });

  it('resumes while grades keep coming: every position once, ascending, across the backlog/live boundary', async () => {
    const token = issuer.tokenFor('omar');
    const first = await LiveClient.connect(edge, { token });
    const seen = await graded('omar');
    await first.received(1);
    await first.close();

    const before = [await graded('omar'), await graded('omar')];
    // Grades appended while the socket connects and replays: some land in the backlog, some on the
    // bus while the replay is in flight, some after it; the client must not see the seams.
    const [resumed, ...during] = await Promise.all([
      LiveClient.connect(edge, { token, after: seen }),
      graded('omar'),
      graded('omar'),
      graded('omar'),
    ]);
    const expected = [...before, ...during].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    await resumed.received(expected.length);
    const after = await graded('omar');
    await resumed.received(expected.length + 1);
    expect(resumed.positions()).toEqual([...expected, after]);
    await resumed.close();
  });
});
