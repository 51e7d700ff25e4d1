import { forEachUntilClosing, startPollingLoop, type PollingLoop } from './polling-loop';

const pollMs = 1_000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the polling loop', () => {
  let loop: PollingLoop | undefined;

  beforeEach(() => jest.useFakeTimers());
  afterEach(async () => {
    await loop?.close();
    loop = undefined;
    jest.useRealTimers();
  });

  it('runs a round at once, then pollMs after each round ends', async () => {
    let rounds = 0;
    loop = startPollingLoop({ pollMs, round: async () => void (rounds += 1), onError: jest.fn() });

    await jest.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    await jest.advanceTimersByTimeAsync(pollMs - 1);
    expect(rounds).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(2);
  });

  it('never runs two rounds at once: runOnce waits for the round running', async () => {
    const firstRound = deferred();
    let active = 0;
    let mostActive = 0;
    let rounds = 0;
    loop = startPollingLoop({
      pollMs,
      round: async () => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        rounds += 1;
        if (rounds === 1) await firstRound.promise;
        active -= 1;
      },
      onError: jest.fn(),
    });

    const second = loop.runOnce();
    const third = loop.runOnce();
    await jest.advanceTimersByTimeAsync(pollMs * 3);
    expect(rounds).toBe(1);

    firstRound.resolve();
    await Promise.all([second, third]);
    expect(rounds).toBe(3);
    expect(mostActive).toBe(1);
  });

  it('closes once the running round has ended, and schedules no round after', async () => {
    const slowRound = deferred();
    let rounds = 0;
    let closingSeen = false;
    loop = startPollingLoop({
      pollMs,
      round: async (closing) => {
        rounds += 1;
        await slowRound.promise;
        closingSeen = closing();
      },
      onError: jest.fn(),
    });
    await jest.advanceTimersByTimeAsync(0);

    let closed = false;
    const closing = loop.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);

    slowRound.resolve();
    await closing;
    expect(closingSeen).toBe(true);
    await jest.advanceTimersByTimeAsync(pollMs * 5);
    expect(rounds).toBe(1);
  });

  it('reports a failing round and goes on with the next', async () => {
    const failure = new Error('database away');
    const onError = jest.fn();
    let rounds = 0;
    loop = startPollingLoop({
      pollMs,
      round: async () => {
        rounds += 1;
        if (rounds === 1) throw failure;
      },
      onError,
    });

    await jest.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledWith(failure);
    await jest.advanceTimersByTimeAsync(pollMs);
    expect(rounds).toBe(2);
    await expect(loop.runOnce()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('a round going through a batch', () => {
  it('reports an id that fails and goes on with the rest', async () => {
    const done: string[] = [];
    const onError = jest.fn();
    const failure = new Error('conflict');
    await forEachUntilClosing(
      ['a', 'b', 'c'],
      () => false,
      async (id) => {
        if (id === 'b') throw failure;
        done.push(id);
      },
      onError,
    );
    expect(done).toEqual(['a', 'c']);
    expect(onError).toHaveBeenCalledWith(failure, 'b');
  });

  it('takes no new id once the loop is closing', async () => {
    const done: string[] = [];
    let closing = false;
    await forEachUntilClosing(
      ['a', 'b', 'c'],
      () => closing,
      async (id) => {
        done.push(id);
        closing = id === 'b';
      },
      jest.fn(),
    );
    expect(done).toEqual(['a', 'b']);
  });
});
