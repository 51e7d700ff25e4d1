import type { Position } from '@eventstore/db-client';

/**
 * Our positions are commit positions. Resuming from a bigint checkpoint uses it as both commit and
 * prepare position, which addresses the event exactly when EventStoreDB wrote it alone; events of one
 * multi-event append are told apart by the prepare position (see comparePositions).
 */
export function positionFromCheckpoint(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
