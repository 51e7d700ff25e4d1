export interface RankedAttempt {
  attemptId: string;
  scorePercent: number;
  finishedAt: string;
}

/**
 * Whether `candidate` ranks above `current`: a higher score, or the same score finished earlier.
 * The attempt id breaks a full tie, so the order grades arrive in never changes the outcome.
 */
export function isBetterAttempt(candidate: RankedAttempt, current: RankedAttempt): boolean {
  if (candidate.scorePercent !== current.scorePercent) return candidate.scorePercent > current.scorePercent;
  const candidateAt = Date.parse(candidate.finishedAt);
  const currentAt = Date.parse(current.finishedAt);
  if (candidateAt !== currentAt) return candidateAt < currentAt;
  return candidate.attemptId < current.attemptId;
}
