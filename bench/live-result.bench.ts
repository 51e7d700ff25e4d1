import WebSocket from 'ws';
import type { Environment } from '@quizbook/platform';
import { jsonClient, startTestApp, storeProfiles, type JsonAnswer } from '@quizbook/testing';
import { bffWebApp } from '../apps/bff-web/src/bff-web.app';
import { createQuizApp } from '../apps/quiz/src/quiz.app';
import { createQuizResultApp } from '../apps/quiz-result/src/quiz-result.app';
import {
  rightAnswers,
  seedQuiz,
  TestIssuer,
} from '../apps/quiz/src/features/attempt-support/attempt-test-kit';
import { appEventStore } from '../apps/quiz/src/features/attempt-support/store-profiles';
import type { BenchRow } from './bench-row';
import { formatLatency, latencyOf } from './latency';

const samples = 200;
const budgetMs = 30_000;

/**
 * The whole path a learner waits on: `POST /api/attempts/:id/submit` through bff-web -> the quiz
 * app appends AttemptSubmitted -> relay -> bus -> grader appends AttemptGraded -> quiz-result's
 * projection -> `live-updates` -> bff-web -> `quiz.result` on the learner's WebSocket. The three
 * apps run in one process, as `npm start` runs them; the JWKS is a double of the user app.
 */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const profiles = storeProfiles({
    label: 'bench-live',
    names: { embedded: 'sqlite + memory bus', servers: 'mysql + redis bus' },
  });
  for (const profile of profiles) {
    if (!profile.available) {
      progress(`${profile.name} skipped: MYSQL_URL and REDIS_URL are not both set`);
      continue;
    }
    const stores = await profile.open();
    try {
      rows.push(await benchProfile(profile.name, stores.env));
    } finally {
      await stores.cleanup();
    }
  }
  return rows;
}

async function benchProfile(adapter: string, stores: Environment): Promise<BenchRow> {
  progress(`${adapter}: starting quiz, quiz-result and bff-web`);
  const issuer = new TestIssuer();
  const apps = await startTestApp([createQuizApp(), createQuizResultApp(), bffWebApp], {
    env: {
      ...stores,
      USER_SERVICE_URL: await issuer.start(),
      LOG_LEVEL: 'warn',
      // Every learner of the bench is 127.0.0.1: the per-IP limit would count them as one client.
      RATE_LIMIT_PER_IP: '100000',
    },
  });
  try {
    const edge = apps.urls['bff-web']!;
    const learners = Array.from({ length: samples }, (_, n) => `bench-learner-${n}`);
    const store = await appEventStore(apps, stores);
    let quizId: string;
    try {
      quizId = (await seedQuiz(store.resource, { enrolled: learners })).quizId;
    } finally {
      await store.release();
    }

    const latencies: number[] = [];
    const deadline = performance.now() + budgetMs;
    for (const learner of learners) {
      if (performance.now() > deadline) break;
      latencies.push(await submitAndAwaitResult(edge, quizId, issuer.tokenFor(learner, ['learner'])));
      if (latencies.length % 50 === 0) progress(`${adapter}: ${latencies.length} results`);
    }
    return {
      suite: 'live result',
      adapter,
      measure: `submit -> quiz.result on the WebSocket (${latencies.length} learners, one at a time)`,
      result: formatLatency(latencyOf(latencies)),
    };
  } finally {
    await apps.close();
    await issuer.close();
  }
}

/** One learner: open the socket, start an attempt, then time submit -> the pushed result. */
async function submitAndAwaitResult(edge: string, quizId: string, token: string): Promise<number> {
  const call = jsonClient(() => edge);
  const socket = await openLiveSocket(edge, token);
  try {
    const { attemptId } = succeeded(
      await call<{ attemptId: string }>('POST', `/api/quizzes/${quizId}/attempts`, { token }),
      'start',
    );
    const result = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string; data: { attemptId?: string } };
        if (message.type === 'quiz.result' && message.data.attemptId === attemptId) resolve();
      }),
    );
    const begin = performance.now();
    succeeded(
      await call('POST', `/api/attempts/${attemptId}/submit`, { token, body: { answers: rightAnswers } }),
      'submit',
    );
    await result;
    return performance.now() - begin;
  } finally {
    socket.close(1000);
  }
}

function openLiveSocket(edge: string, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${edge.replace(/^http/, 'ws')}/api/live`, ['bearer', token]);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`live socket refused with ${response.statusCode}`)),
    );
  });
}

/** The answer's body; any status but a success stops the bench with what the edge said. */
function succeeded<T>(answer: JsonAnswer<T>, what: string): T {
  if (answer.status >= 300)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

function progress(line: string): void {
  process.stderr.write(`  live result: ${line}\n`);
}
