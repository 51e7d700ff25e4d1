import { WrongExpectedRevisionError } from './errors';
import type { ExpectedRevision } from './event-store.port';
import { assertExpectedRevision, satisfiesExpectedRevision } from './expected-revision';

describe('expected revision', () => {
  it.each<[ExpectedRevision, bigint, boolean]>([
    ['any', -1n, true],
    ['any', 7n, true],
    ['no-stream', -1n, true],
    ['no-stream', 0n, false],
    ['exists', -1n, false],
    ['exists', 0n, true],
    [3n, 3n, true],
    [3n, 4n, false],
    [0n, -1n, false],
  ])('%s against actual %s: %s', (expected, actual, ok) => {
    expect(satisfiesExpectedRevision(expected, actual)).toBe(ok);
  });

  it('a conflict throws the typed error with the actual revision', () => {
    expect(() => assertExpectedRevision('course-1', 2n, 5n)).toThrow(WrongExpectedRevisionError);
    try {
      assertExpectedRevision('course-1', 'no-stream', 5n);
    } catch (error) {
      expect(error).toMatchObject({ streamName: 'course-1', expected: 'no-stream', actual: 5n });
    }
  });
});
