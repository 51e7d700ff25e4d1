/** p50 and p99 of latency samples in ms (nearest rank; the samples need not be sorted). */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
}

export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99) };
}

/** The result cell of a latency row: `p50 0.80 ms / p99 3.10 ms`. */
export const formatLatency = ({ p50, p99 }: Latency): string =>
  `p50 ${p50.toFixed(2)} ms / p99 ${p99.toFixed(2)} ms`;
