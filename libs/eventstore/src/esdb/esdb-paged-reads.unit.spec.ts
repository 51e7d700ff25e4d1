import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { readAllPaged, readStreamPaged } from './esdb-paged-reads';
import { at, resolvedEventFixture } from './esdb-resolved-event.fixture';

/** A stream of 10 events, read the way the client reads it: from a revision, inclusive. */
function streamReaderDouble() {
  const stream = Array.from({ length: 10 }, (_, n) =>
    resolvedEventFixture({ streamId: 'course-1', revision: BigInt(n), commit: BigInt(100 + n) }),
  );
  const calls: Array<{ from: bigint | string; direction: string; maxCount: number }> = [];
  const readPage = async (from: bigint | typeof START | typeof END, direction: string, maxCount: number) => {
    calls.push({ from, direction, maxCount });
    const ordered = direction === FORWARDS ? stream : [...stream].reverse();
    const start = from === START || from === END ? 0 : ordered.findIndex((e) => e.event!.revision === from);
    return start === -1 ? [] : ordered.slice(start, start + maxCount);
  };
  return { readPage, calls };
}

/**
 * `$all` with our events interleaved with system events and another category; position commit=prepare.
 * Reads from a position include the event at it, as the server does.
 */
function allReaderDouble() {
  const log: ResolvedEvent[] = [];
  for (let n = 0; n < 12; n++) {
    const commit = BigInt((n + 1) * 10);
    if (n % 4 === 3)
      log.push(resolvedEventFixture({ streamId: '$stats-node', type: '$statsCollected', commit }));
    else if (n % 4 === 1) log.push(resolvedEventFixture({ streamId: `quiz-${n}`, commit }));
    else log.push(resolvedEventFixture({ streamId: `course-${n}`, commit, data: { n } }));
  }
  const calls: Array<{ from: ReadPosition; direction: string; maxCount: number }> = [];
  const readPage = async (from: ReadPosition, direction: string, maxCount: number) => {
    calls.push({ from, direction, maxCount });
    if (direction === FORWARDS) {
      const after = log.filter(
        (e) => from === START || e.event!.position!.commit >= (from as { commit: bigint }).commit,
      );
      return after.slice(0, maxCount);
    }
    const before = [...log]
      .reverse()
      .filter((e) => from === END || e.event!.position!.commit <= (from as { commit: bigint }).commit);
    return before.slice(0, maxCount);
  };
  return { readPage, calls };
}

describe('EventStoreDB paged reads', () => {
  it('reads a stream in pages, always with a maxCount', async () => {
    const { readPage, calls } = streamReaderDouble();
    const events = await readStreamPaged(readPage, {}, 4);
    expect(events.map((e) => Number(e.revision))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(calls).toEqual([
      { from: START, direction: FORWARDS, maxCount: 4 },
      { from: 4n, direction: FORWARDS, maxCount: 4 },
      { from: 8n, direction: FORWARDS, maxCount: 4 },
    ]);
  });

  it('reads backwards from a revision up to maxCount, and stops at revision 0', async () => {
    const { readPage, calls } = streamReaderDouble();
    const page = await readStreamPaged(
      readPage,
      { direction: 'backwards', fromRevision: 6n, maxCount: 3 },
      2,
    );
    expect(page.map((e) => Number(e.revision))).toEqual([6, 5, 4]);
    expect(calls.map((call) => call.maxCount)).toEqual([2, 1]);

    const { readPage: readToStart, calls: toStartCalls } = streamReaderDouble();
    const all = await readStreamPaged(readToStart, { direction: 'backwards' }, 5);
    expect(all.map((e) => Number(e.revision))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(toStartCalls).toEqual([
      { from: END, direction: BACKWARDS, maxCount: 5 },
      { from: 4n, direction: BACKWARDS, maxCount: 5 },
    ]);
  });

  it('reads $all after a position, filtering categories and system events on the client, across pages', async () => {
    const { readPage, calls } = allReaderDouble();
    const events = await readAllPaged(readPage, { after: at(10n), categories: ['course'], maxCount: 3 }, 3);
    expect(events.map((e) => [e.streamName, e.position])).toEqual([
      ['course-2', at(30n)],
      ['course-4', at(50n)],
      ['course-6', at(70n)],
    ]);
    expect(calls.every((call) => call.maxCount === 3)).toBe(true);
  });

  it('reads $all backwards before a position without repeating the page boundary', async () => {
    const { readPage } = allReaderDouble();
    const events = await readAllPaged(readPage, { direction: 'backwards', before: at(110n) }, 2);
    expect(events.map((e) => e.position)).toEqual([100n, 90n, 70n, 60n, 50n, 30n, 20n, 10n].map(at));
  });
});
