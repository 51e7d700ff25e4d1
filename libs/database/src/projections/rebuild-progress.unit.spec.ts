import { rebuildFraction, type RebuildProgress } from './rebuild-progress';

const progress = (overrides: Partial<RebuildProgress>): RebuildProgress => ({
  projection: 'p',
  processed: 0,
  position: 'start',
  headPosition: 100n,
  done: false,
  ...overrides,
});

describe('rebuild progress', () => {
  it('measures the position read against the head at start', () => {
    expect(rebuildFraction(progress({}))).toBe(0);
    expect(rebuildFraction(progress({ position: 25n }))).toBe(0.25);
  });

  it('caps at 1 when events were appended during the rebuild', () => {
    expect(rebuildFraction(progress({ position: 150n }))).toBe(1);
  });

  it('is complete when done, even for an empty store', () => {
    expect(rebuildFraction(progress({ headPosition: -1n }))).toBe(0);
    expect(rebuildFraction(progress({ headPosition: -1n, done: true }))).toBe(1);
  });
});
