import { isBetterAttempt } from './better-attempt';

const attempt = (attemptId: string, scorePercent: number, finishedAt: string) => ({
  attemptId,
  scorePercent,
  finishedAt,
});

describe('which of two attempts ranks higher', () => {
  it('is the higher score, whenever it finished', () => {
    expect(
      isBetterAttempt(attempt('b', 90, '2030-01-01T11:00:00Z'), attempt('a', 80, '2030-01-01T10:00:00Z')),
    ).toBe(true);
    expect(
      isBetterAttempt(attempt('a', 80, '2030-01-01T10:00:00Z'), attempt('b', 90, '2030-01-01T11:00:00Z')),
    ).toBe(false);
  });

  it('is the earlier finish on equal scores, comparing instants not strings', () => {
    expect(
      isBetterAttempt(
        attempt('b', 80, '2030-01-01T10:59:00+01:00'),
        attempt('a', 80, '2030-01-01T10:00:00Z'),
      ),
    ).toBe(true);
    expect(
      isBetterAttempt(attempt('b', 80, '2030-01-01T10:00:01Z'), attempt('a', 80, '2030-01-01T10:00:00Z')),
    ).toBe(false);
  });

  it('is the same either way round on a full tie, so arrival order does not matter', () => {
    const first = attempt('a', 80, '2030-01-01T10:00:00Z');
    const second = attempt('b', 80, '2030-01-01T10:00:00Z');
    expect(isBetterAttempt(first, second)).toBe(true);
    expect(isBetterAttempt(second, first)).toBe(false);
    expect(isBetterAttempt(first, first)).toBe(false);
  });
});
