import { KeyedMutex } from './keyed-mutex';

describe('keyed mutex', () => {
  it('runs work on one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const trace: string[] = [];
    let running = 0;
    const work = (name: string) =>
      mutex.run('k', async () => {
        running += 1;
        expect(running).toBe(1);
        trace.push(`start ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        trace.push(`end ${name}`);
        running -= 1;
        return name;
      });
    expect(await Promise.all([work('a'), work('b'), work('c')])).toEqual(['a', 'b', 'c']);
    expect(trace).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(mutex.size).toBe(0);
  });

  it('lets different keys run side by side', async () => {
    const mutex = new KeyedMutex();
    let releaseA!: () => void;
    const a = mutex.run('a', () => new Promise<void>((resolve) => (releaseA = resolve)));
    await mutex.run('b', async () => undefined);
    releaseA();
    await a;
  });

  it('goes on with the next work when one fails', async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run('k', () => Promise.reject(new Error('boom')));
    const next = mutex.run('k', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
