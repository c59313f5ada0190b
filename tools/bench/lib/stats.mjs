/** Percentiles and small summaries over latency samples (milliseconds). */

/**
 * Nearest-rank percentiles of the samples (sorted in place, as a typed array).
 * @param {ArrayLike<number>} samples
 * @returns {{ count: number, p50: number|null, p95: number|null, p99: number|null, max: number|null, mean: number|null }}
 */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: n,
    p50: round(rank(sorted, 0.5)),
    p95: round(rank(sorted, 0.95)),
    p99: round(rank(sorted, 0.99)),
    max: round(sorted[n - 1]),
    mean: round(sum / n),
  };
}

/** @param {Float64Array} sorted @param {number} q in (0, 1] */
export function rank(sorted, q) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

/** @param {number | null | undefined} value @param {number} [digits] */
export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b rounded, or null when either is missing or b is 0. */
export function ratio(a, b, digits = 2) {
  if (a === null || a === undefined || !b) return null;
  return round(a / b, digits);
}

/** @param {number[]} values */
export const maxOf = (values) => (values.length ? Math.max(...values) : null);

/** @param {number[]} values */
export const meanOf = (values) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
