import { checkpointFromColumn, isAfter, positionToColumn } from './checkpoint-position';

describe('checkpoint positions', () => {
  it('reads NULL or a missing row as start', () => {
    expect(checkpointFromColumn(null)).toBe('start');
    expect(checkpointFromColumn(undefined)).toBe('start');
  });

  it('reads MySQL strings and SQLite numbers alike, without losing precision', () => {
    expect(checkpointFromColumn('9007199254740993')).toBe(9007199254740993n);
    expect(checkpointFromColumn(42)).toBe(42n);
    expect(positionToColumn(9007199254740993n)).toBe('9007199254740993');
  });

  it('treats every position as after start, and only later positions as after a checkpoint', () => {
    expect(isAfter(0n, 'start')).toBe(true);
    expect(isAfter(5n, 4n)).toBe(true);
    expect(isAfter(4n, 4n)).toBe(false);
    expect(isAfter(3n, 4n)).toBe(false);
  });
});
