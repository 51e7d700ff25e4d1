import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import type { BenchRow } from './bench-row';
import { formatLatency, latencyOf } from './latency';

/** Per measurement: stop at the count or the time budget, whichever comes first, so the module stays under a minute. */
const budgetMs = 3_000;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const dir = mkdtempSync(path.join(tmpdir(), 'qb-bench-eventstore-'));
  try {
    rows.push(...(await benchAdapter('sqlite', `sqlite:${path.join(dir, 'events.db')}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const mysqlUrl = process.env.MYSQL_URL;
  if (mysqlUrl) {
    const database = await createScratchDatabase(mysqlUrl);
    try {
      rows.push(...(await benchAdapter('mysql', database.url)));
    } finally {
      await database.drop();
    }
  } else {
    progress('mysql skipped: MYSQL_URL is not set');
  }
  return rows;
}

async function benchAdapter(adapter: string, url: string): Promise<BenchRow[]> {
  const store = await openEventStore(url);
  const row = (measure: string, result: string): BenchRow => ({
    suite: 'event store',
    adapter,
    measure,
    result,
  });
  try {
    // A fresh database is cold (buffer pool, statement caches): warm it before timing anything.
    await measureAppends(store, 1, 1, 50);
    progress(`${adapter}: single-event appends`);
    const single = await measureAppends(store, 1, 1, 5_000);
    progress(`${adapter}: single-event appends, 8 concurrent writers`);
    const concurrent = await measureAppends(store, 1, 8, 5_000);
    progress(`${adapter}: batched appends`);
    const batched = await measureAppends(store, 100, 1, 300);
    progress(`${adapter}: stream reads`);
    const reads = await measureStreamReads(store, 5_000);
    progress(`${adapter}: subscription lag`);
    const lag = await measureSubscriptionLag(store, 500);
    return [
      row('append 1 event to a new stream, one writer', `${perSecond(single)} events/s`),
      row('append 1 event to a new stream, 8 concurrent writers', `${perSecond(concurrent)} events/s`),
      row('append 100 events per append to a new stream', `${perSecond(batched)} events/s`),
      row('read a 100-event stream', `${perSecond(reads)} reads/s`),
      row(`append -> subscriber handler lag (${lag.count} events, one at a time)`, formatLatency(lag)),
    ];
  } finally {
    await store.close();
  }
}

interface Rate {
  count: number;
  ms: number;
}

function perSecond(rate: Rate): string {
  return Math.round((rate.count / rate.ms) * 1000).toLocaleString('en-US');
}

/** `writers` loops, each appending `batchSize` events per append to fresh streams until maxAppends or the budget. */
async function measureAppends(
  store: EventStore,
  batchSize: number,
  writers: number,
  maxAppends: number,
): Promise<Rate> {
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const batch = Array.from({ length: batchSize }, (_, n) => ({
    type: 'BenchEvent',
    data: { n, text: 'x'.repeat(64) },
  }));
  let appends = 0;
  const start = performance.now();
  const deadline = start + budgetMs;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (appends < maxAppends && performance.now() < deadline) {
        const stream = `${prefix}-${appends++}`;
        await store.appendToStream(stream, batch, { expectedRevision: 'no-stream' });
      }
    }),
  );
  return { count: appends * batchSize, ms: performance.now() - start };
}

async function measureStreamReads(store: EventStore, maxReads: number): Promise<Rate> {
  const stream = `benchread${randomBytes(3).toString('hex')}-1`;
  await store.appendToStream(
    stream,
    Array.from({ length: 100 }, (_, n) => ({ type: 'BenchEvent', data: { n } })),
    { expectedRevision: 'no-stream' },
  );
  let reads = 0;
  const start = performance.now();
  const deadline = start + budgetMs;
  while (reads < maxReads && performance.now() < deadline) {
    const events = await store.readStream(stream, { maxCount: 100 });
    if (events.length !== 100) throw new Error(`read ${events.length} events, expected 100`);
    reads++;
  }
  return { count: reads, ms: performance.now() - start };
}

/** From just before the append call to the handler seeing the event, one event at a time. */
async function measureSubscriptionLag(store: EventStore, maxEvents: number) {
  const category = `benchlag${randomBytes(3).toString('hex')}`;
  let arrived: (() => void) | undefined;
  const subscription = store.subscribeToAll({
    after: await store.headPosition(),
    categories: [category],
    handler: async () => arrived?.(),
  });
  await subscription.caughtUp;
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  try {
    for (let n = 0; n < maxEvents && performance.now() < deadline; n++) {
      const handled = new Promise<void>((resolve) => (arrived = resolve));
      const start = performance.now();
      await store.appendToStream(`${category}-${n % 10}`, [{ type: 'BenchPing', data: { n } }], {
        expectedRevision: 'any',
      });
      await handled;
      samples.push(performance.now() - start);
    }
  } finally {
    await subscription.close();
  }
  return latencyOf(samples);
}

/** A throwaway database on the MYSQL_URL server, so the bench never touches real data. */
async function createScratchDatabase(mysqlUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `qb_bench_eventstore_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = new URL(mysqlUrl);
  server.pathname = '/';
  const onServer = async (statement: string) => {
    const connection = await createConnection({ uri: server.toString() });
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  };
  await onServer(`CREATE DATABASE \`${name}\``);
  const url = new URL(mysqlUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS \`${name}\``) };
}

function progress(message: string): void {
  process.stderr.write(`  event store: ${message}\n`);
}
