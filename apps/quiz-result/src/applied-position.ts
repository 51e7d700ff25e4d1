/**
 * Each read-model row keeps the position of the last event applied to it. The checkpoint already
 * makes the runner skip what it has applied; this second guard keeps a row right when an event
 * reaches it twice some other way (a replay over live rows, two runners on one database).
 */
export function alreadyApplied(lastPosition: string | number | bigint | null | undefined, position: bigint) {
  return lastPosition !== null && lastPosition !== undefined && BigInt(lastPosition) >= position;
}

export const positionColumn = (position: bigint): string => position.toString();
