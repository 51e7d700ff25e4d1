import { digestDueAt } from './digest-due-at';

const minute = 60_000;
const at = (iso: string) => new Date(iso);

describe('when a quiz score digest is due', () => {
  const rule = { intervalMs: 60 * minute, delayMs: minute };

  it('is the gathering delay after the first graded attempt of a quiz that never had one', () => {
    expect(
      digestDueAt({ ...rule, firstPendingAt: at('2030-01-01T10:00:00Z'), lastDigestAt: undefined }),
    ).toEqual(at('2030-01-01T10:01:00Z'));
  });

  it('waits for the interval to pass since the previous digest', () => {
    expect(
      digestDueAt({
        ...rule,
        firstPendingAt: at('2030-01-01T10:20:00Z'),
        lastDigestAt: at('2030-01-01T10:01:00Z'),
      }),
    ).toEqual(at('2030-01-01T11:01:00Z'));
  });

  it('is the gathering delay again once the quiz has been quiet for longer than the interval', () => {
    expect(
      digestDueAt({
        ...rule,
        firstPendingAt: at('2030-01-01T15:00:00Z'),
        lastDigestAt: at('2030-01-01T10:01:00Z'),
      }),
    ).toEqual(at('2030-01-01T15:01:00Z'));
  });
});
