/** Writes result.json, timeseries.json, chart.svg (+ chart.png when possible) and report.md. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latencyThroughputSvg } from './chart-svg.mjs';
import { markdownReport } from './markdown.mjs';
import { svgToPng } from './png.mjs';

const SERIES = [
  ['HTTP p50', (s) => s.http.latencyMs.p50],
  ['HTTP p99', (s) => s.http.latencyMs.p99],
  ['fulfillment e2e p99', (s) => s.e2e.latencyMs.fulfillment.p99],
  ['confirmed e2e p99', (s) => s.e2e.latencyMs.confirmed?.p99],
  ['finance e2e p99', (s) => s.e2e.latencyMs.finance.p99],
  ['support e2e p99', (s) => s.e2e.latencyMs.support.p99],
];

export function writeResults(dir, result, timeseries) {
  writeFileSync(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, 'timeseries.json'), `${JSON.stringify(timeseries)}\n`);
  const toPoints = (steps, value) => steps.map((s) => ({ x: s.acceptedPerSecond ?? 0, y: value(s) ?? 0 }));
  const svg = latencyThroughputSvg({
    title: `Bazaar: latency against accepted orders/s (${result.mode}${result.label ? `, ${result.label}` : ''})`,
    series: SERIES.map(([name, value]) => ({ name, points: toPoints(result.steps, value) })),
    closed: result.closed ? SERIES.map(([name, value]) => ({ name, points: toPoints([result.closed], value) })) : [],
    marks: ceilingMarks(result),
  });
  writeFileSync(join(dir, 'chart.svg'), svg);
  const chartFile = svgToPng(join(dir, 'chart.svg'), join(dir, 'chart.png')) ? 'chart.png' : 'chart.svg';
  writeFileSync(join(dir, 'report.md'), markdownReport(result, { chartFile }));
  return { report: join(dir, 'report.md'), json: join(dir, 'result.json'), chart: join(dir, chartFile) };
}

/** The database ceiling as a vertical line: Checkout's write path cannot go beyond it. */
function ceilingMarks(result) {
  const runs = (result.ceilings?.pgbench?.runs ?? []).filter((r) => (r.variant ?? 'statements') === 'statements');
  const best = runs.reduce((a, r) => (!a || r.tps > a.tps ? r : a), null);
  return best?.tps ? [{ x: best.tps, label: `pgbench ${best.clients} clients: ${Math.round(best.tps)} tx/s` }] : [];
}
