/** Event-store positions are unsigned 64-bit decimal strings: compared as bigints, never as numbers. */
export type LivePosition = bigint;

export const parseLivePosition = (position: string): LivePosition => BigInt(position);

/** `?after=` as the client sends it: decimal digits only, at most 20 (the width of a uint64). */
export const afterParameterPattern = /^\d{1,20}$/;
