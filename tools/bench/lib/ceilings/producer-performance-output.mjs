/** ProducerPerformance (Apache Kafka tools) output → numbers. */

/** Parses ProducerPerformance's final line: "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, …". */
export function parseProducerPerformance(output) {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => /records sent, .* 50th/.test(l));
  if (!line) return null;
  const num = (re) => Number(re.exec(line)?.[1] ?? NaN);
  return {
    records: num(/^(\d+) records sent/),
    recordsPerSecond: num(/([\d.]+) records\/sec/),
    mbPerSecond: num(/\(([\d.]+) MB\/sec\)/),
    latencyMs: { mean: num(/([\d.]+) ms avg latency/), p50: num(/(\d+) ms 50th/), p95: num(/(\d+) ms 95th/), p99: num(/(\d+) ms 99th/), max: num(/([\d.]+) ms max latency/) },
  };
}
