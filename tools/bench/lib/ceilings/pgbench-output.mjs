/** pgbench output → numbers. */
import { round } from '../stats.mjs';

/** Parses pgbench's report: throughput and average latency (without connection time). */
export function parsePgbench(output) {
  const num = (re) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : null;
  };
  return {
    tps: round(num(/^tps = ([\d.]+) \(without initial connection time\)/m)),
    latencyAvgMs: num(/^latency average = ([\d.]+) ms/m),
    transactions: num(/^number of transactions actually processed: (\d+)/m),
    failed: num(/^number of failed transactions: (\d+)/m) ?? 0,
  };
}
