/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * min(max, initial · 2^(n−1)), so replicas retrying the same outage do not knock in step.
 */
export function retryDelayMs(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
