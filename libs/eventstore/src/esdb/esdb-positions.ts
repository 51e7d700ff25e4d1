import type { Position } from '@eventstore/db-client';

const prepareBits = 64n;
const prepareMask = (1n << prepareBits) - 1n;

/**
 * Our position is one bigint: the commit position in the high bits and the prepare position in the
 * low 64. Events of one multi-event append share their commit position and differ only by prepare
 * position, so a checkpoint of the commit position alone would skip the rest of such an append on
 * resume. The encoding keeps $all order (commit first, then prepare) and converts back exactly.
 */
export function encodePosition(position: Position): bigint {
  return (position.commit << prepareBits) | (position.prepare & prepareMask);
}

export function positionFromCheckpoint(position: bigint): Position {
  return { commit: position >> prepareBits, prepare: position & prepareMask };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
