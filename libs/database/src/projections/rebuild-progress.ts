import type { Checkpoint } from '../checkpoints/checkpoint-position';

export interface RebuildProgress {
  projection: string;
  /** Events applied so far (only the projection's categories count). */
  processed: number;
  /** The last position read. */
  position: Checkpoint;
  /** The store's head when the rebuild started; -1n for an empty store. */
  headPosition: bigint;
  done: boolean;
}

/**
 * Progress as positions read against the head, because the number of events in the projection's
 * categories is unknown without reading them all. Events appended during the rebuild are replayed
 * too, so the fraction is capped at 1.
 */
export function rebuildFraction({ position, headPosition, done }: RebuildProgress): number {
  if (done || headPosition < 0n) return done ? 1 : 0;
  if (position === 'start') return 0;
  const fraction = Number(position) / Number(headPosition);
  return Math.min(1, Math.max(0, fraction));
}
