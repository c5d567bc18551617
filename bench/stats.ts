// Small statistics for the benchmark: medians over repeats, percentiles over samples, spread.

/** The p-th percentile (0–100) of the samples, interpolated between the nearest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (rank - lo);
}

/** The median of the samples. */
export const median = (samples: readonly number[]) => percentile(samples, 50);

/** A figure measured over repeated runs: the median, and how far the runs spread around it. */
export type Measured = { median: number; min: number; max: number; runs: number[] };

/** Summarises the per-run values of one figure. */
export function measured(runs: readonly number[]): Measured {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** Half the range as a share of the median: "±4%" means the runs lay within about 4% of it. */
export function spreadPercent(m: Measured): number {
  return m.median === 0 ? 0 : ((m.max - m.min) / 2 / Math.abs(m.median)) * 100;
}

/** Milliseconds since an earlier performance.now(). */
export const since = (start: number) => performance.now() - start;
