import { ratio, summarize } from '../lib/stats.mjs';

describe('latency summaries', () => {
  it('reports nearest-rank percentiles, the maximum and the mean', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);

    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });

  it('has no percentiles without samples', () => {
    expect(summarize([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null, mean: null });
  });

  it('gives no ratio against a missing or zero ceiling', () => {
    expect(ratio(300, 0)).toBeNull();
    expect(ratio(null, 700)).toBeNull();
    expect(ratio(300, 700)).toBe(0.43);
  });
});
