import { parsePgbench } from '../lib/ceilings/pgbench-output.mjs';
import { parseProducerPerformance } from '../lib/ceilings/producer-performance-output.mjs';

describe('reading the ceiling tools', () => {
  it("reads pgbench's throughput and latency", () => {
    const output = [
      'number of clients: 16',
      'number of transactions actually processed: 20720',
      'number of failed transactions: 0 (0.000%)',
      'latency average = 23.151 ms',
      'initial connection time = 12.345 ms',
      'tps = 691.105058 (without initial connection time)',
    ].join('\n');

    expect(parsePgbench(output)).toEqual({ tps: 691.1, latencyAvgMs: 23.151, transactions: 20720, failed: 0 });
  });

  it("reads ProducerPerformance's final summary, not its progress lines", () => {
    const output = [
      '23195 records sent, 4639.0 records/sec (4.12 MB/sec), 1201.3 ms avg latency, 1800.0 ms max latency.',
      '100000 records sent, 23424.736472 records/sec (20.86 MB/sec), 905.12 ms avg latency, 1400.00 ms max latency, 950 ms 50th, 1300 ms 95th, 1317 ms 99th, 1390 ms 99.9th.',
    ].join('\n');

    expect(parseProducerPerformance(output)).toEqual({
      records: 100000,
      recordsPerSecond: 23424.736472,
      mbPerSecond: 20.86,
      latencyMs: { mean: 905.12, p50: 950, p95: 1300, p99: 1317, max: 1400 },
    });
  });

  it('finds nothing in output without a summary', () => {
    expect(parseProducerPerformance('Exception in thread "main"')).toBeNull();
  });
});
