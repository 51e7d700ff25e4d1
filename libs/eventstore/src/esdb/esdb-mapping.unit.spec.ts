import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  STREAM_NAME,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { categoryStreamFilter, categoryStreamRegex } from './esdb-category-filter';
import { toEsdbConnectionString } from './esdb-connection-string';
import { toAppendError } from './esdb-errors';
import { fromEsdbResolvedEvent, originalEventIdKey, toEsdbEventData } from './esdb-event-conversion';
import { isUuid, toEsdbEventId } from './esdb-event-id';
import { toEsdbExpectedRevision } from './esdb-expected-revision';
import { comparePositions, encodePosition, positionFromCheckpoint } from './esdb-positions';
import { resolvedEventFixture } from './esdb-resolved-event.fixture';

describe('EventStoreDB mapping', () => {
  it('maps each expected revision to the client constant', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(41n)).toBe(41n);
  });

  describe('append errors', () => {
    it('a wrong expected version becomes WrongExpectedRevisionError with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'course-1',
        expected: 3n,
        current: 7n,
      });
      const mapped = toAppendError(error, 'course-1', 3n);
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ streamName: 'course-1', expected: 3n, actual: 7n });
    });

    it('a missing stream is actual -1', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'course-1',
        expected: STREAM_EXISTS,
        current: NO_STREAM,
      });
      expect(toAppendError(error, 'course-1', 'exists')).toMatchObject({ expected: 'exists', actual: -1n });
    });

    it('other errors pass through unchanged', () => {
      const unavailable = new UnavailableError();
      expect(toAppendError(unavailable, 'course-1', 'any')).toBe(unavailable);
    });
  });

  describe('event ids', () => {
    it('keeps UUIDs and turns other ids into the same UUID every time', () => {
      const uuid = '0b6f4c1e-8d2a-4f3b-9c7d-1e2f3a4b5c6d';
      expect(toEsdbEventId(uuid)).toBe(uuid);
      const derived = toEsdbEventId('stripe:evt_123');
      expect(isUuid(derived)).toBe(true);
      expect(derived[14]).toBe('5');
      expect(toEsdbEventId('stripe:evt_123')).toBe(derived);
      expect(toEsdbEventId('stripe:evt_124')).not.toBe(derived);
    });
  });

  describe('event conversion', () => {
    it('writes JSON events and records a non-UUID id in the metadata', () => {
      const written = toEsdbEventData({
        id: 'stripe:evt_1',
        type: 'PaymentSucceeded',
        data: { amount: 100 },
        metadata: { correlationId: 'c1' },
      });
      expect(written).toMatchObject({
        id: toEsdbEventId('stripe:evt_1'),
        contentType: 'application/json',
        type: 'PaymentSucceeded',
        data: { amount: 100 },
        metadata: { correlationId: 'c1', [originalEventIdKey]: 'stripe:evt_1' },
      });
      const generated = toEsdbEventData({ type: 'X', data: {} });
      expect(isUuid(generated.id)).toBe(true);
      expect(generated.metadata).toEqual({});
    });

    it('reads back our RecordedEvent with the original id and the exact (commit, prepare) position', () => {
      const recorded = fromEsdbResolvedEvent(
        resolvedEventFixture({
          streamId: 'payment-9',
          type: 'PaymentSucceeded',
          revision: 4n,
          commit: 1234n,
          prepare: 1200n,
          data: { amount: 100 },
          metadata: { correlationId: 'c1', [originalEventIdKey]: 'stripe:evt_1' },
        }),
      );
      expect(recorded).toEqual({
        id: 'stripe:evt_1',
        type: 'PaymentSucceeded',
        streamName: 'payment-9',
        revision: 4n,
        position: encodePosition({ commit: 1234n, prepare: 1200n }),
        data: { amount: 100 },
        metadata: { correlationId: 'c1' },
        createdAt: new Date(1_700_000_000_000),
      });
    });

    it('parses binary JSON written by other tools', () => {
      const recorded = fromEsdbResolvedEvent(
        resolvedEventFixture({
          streamId: 'quiz-1',
          commit: 5n,
          binary: true,
          data: { q: 1 },
          metadata: { m: 2 },
        }),
      );
      expect(recorded).toMatchObject({ data: { q: 1 }, metadata: { m: 2 } });
    });

    it('skips system events and unresolved links', () => {
      expect(
        fromEsdbResolvedEvent(resolvedEventFixture({ streamId: '$stats-127.0.0.1', commit: 1n })),
      ).toBeUndefined();
      expect(
        fromEsdbResolvedEvent(resolvedEventFixture({ streamId: 'course-1', type: '$metadata', commit: 1n })),
      ).toBeUndefined();
      expect(fromEsdbResolvedEvent({ commitPosition: 9n })).toBeUndefined();
    });
  });

  describe('category filter for $all', () => {
    const matches = (categories: readonly string[] | undefined, stream: string) =>
      new RegExp(categoryStreamRegex(categories)).test(stream);

    it('matches whole categories only', () => {
      expect(matches(['course', 'quiz'], 'course-1')).toBe(true);
      expect(matches(['course', 'quiz'], 'quiz-abc-1')).toBe(true);
      expect(matches(['course'], 'course')).toBe(true);
      expect(matches(['course'], 'courseware-1')).toBe(false);
      expect(matches(['course'], '$ce-course')).toBe(false);
      expect(matches(['a.b'], 'aXb-1')).toBe(false);
    });

    it('without categories still excludes system streams', () => {
      expect(matches(undefined, 'course-1')).toBe(true);
      expect(matches([], '$stats-1')).toBe(false);
    });

    it('is a server-side stream-name filter', () => {
      expect(categoryStreamFilter(['course'])).toMatchObject({
        filterOn: STREAM_NAME,
        regex: '^(?:course)(?:-|$)',
      });
    });
  });

  it('maps kurrentdb:// onto the esdb:// scheme client 6.x understands', () => {
    expect(toEsdbConnectionString('kurrentdb://node:2113?tls=false')).toBe('esdb://node:2113?tls=false');
    expect(toEsdbConnectionString('kurrentdb+discover://cluster:2113')).toBe('esdb+discover://cluster:2113');
    expect(toEsdbConnectionString('esdb://node:2113')).toBe('esdb://node:2113');
  });

  it('orders positions by commit, then prepare', () => {
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n })).toBe(-1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 2n })).toBe(1);
    expect(comparePositions({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 2n })).toBe(0);
  });

  it('encodes a position into one bigint that keeps $all order and converts back exactly', () => {
    // Three events of one multi-event append share the commit position and differ by prepare position.
    const append = [
      { commit: 5000n, prepare: 4800n },
      { commit: 5000n, prepare: 4900n },
      { commit: 5000n, prepare: 5000n },
    ];
    const later = { commit: 5200n, prepare: 5200n };
    const encoded = [...append, later].map(encodePosition);
    expect([...encoded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(encoded);
    expect(new Set(encoded).size).toBe(4);
    expect(encoded.map(positionFromCheckpoint)).toEqual([...append, later]);
  });
});
