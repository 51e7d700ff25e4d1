/** What a consumer resumes after: a global event position, or `start` when it has applied nothing. */
export type Checkpoint = bigint | 'start';

/**
 * mysql2 returns BIGINT as a string (bigNumberStrings) and better-sqlite3 as a number, so a
 * position is read back from either without losing precision on MySQL.
 */
export function checkpointFromColumn(value: string | number | bigint | null | undefined): Checkpoint {
  if (value === null || value === undefined) return 'start';
  return BigInt(value);
}

/** Both drivers bind a decimal string into a BIGINT column exactly; mysql2 does not bind a bigint. */
export function positionToColumn(position: bigint): string {
  return position.toString();
}

export function isAfter(position: bigint, checkpoint: Checkpoint): boolean {
  return checkpoint === 'start' || position > checkpoint;
}
