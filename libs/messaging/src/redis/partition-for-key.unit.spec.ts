import { partitionForKey } from './partition-for-key';

describe('partitionForKey', () => {
  it('sends a key to the same partition every time, so its messages stay in one ordered stream', () => {
    expect(partitionForKey('order-42', 8)).toBe(partitionForKey('order-42', 8));
  });

  it('is pinned to FNV-1a, because publishers on different versions must agree on a key’s partition', () => {
    expect(partitionForKey('', 1 << 30)).toBe(0x811c9dc5 % (1 << 30));
    expect(partitionForKey('a', 0x7fffffff)).toBe(0xe40c292c % 0x7fffffff);
  });

  it('spreads many keys over every partition', () => {
    const used = new Set(Array.from({ length: 200 }, (_, n) => partitionForKey(`key-${n}`, 8)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
