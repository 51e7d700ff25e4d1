import { shuffled } from './shuffle';

describe('shuffling the question order', () => {
  it('keeps every question exactly once and leaves the input alone', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const order = shuffled(ids);
    expect([...order].sort()).toEqual(ids);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('swaps each position with one drawn from those not yet placed (Fisher-Yates)', () => {
    // Always drawing 0 moves the first item to the end, step by step: a rotation.
    expect(shuffled(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
    // Always drawing the top index leaves the order as it is.
    expect(shuffled(['a', 'b', 'c', 'd'], (max) => max - 1)).toEqual(['a', 'b', 'c', 'd']);
  });
});
