/** The short summary printed at the end of a run. */
const f = (v, unit = '') => (v === null || v === undefined ? '–' : `${v}${unit}`);

export function consoleSummary(result, files) {
  const h = result.headline;
  const c = result.ceilings;
  const lines = ['', `Bazaar benchmark (${result.mode}${result.label ? `, ${result.label}` : ''})${result.contaminated ? ' — machine was busy, numbers contaminated' : ''}`];
  if (c) {
    const pg = (c.pgbench?.runs ?? []).map((r) => `${r.variant === 'one-statement' ? 'one-statement ' : ''}${r.clients}c ${f(r.tps)} tx/s`).join(', ') || c.pgbench?.skipped;
    lines.push(
      `  ceilings      pgbench ${pg} · Kafka ${f(c.kafka?.max?.recordsPerSecond)} rec/s flat out, p99 ${f(c.kafka?.fixedRate?.latencyMs?.p99)} ms at ${f(c.kafka?.fixedRate?.rate)}/s · bare Fastify ${f(c.http?.requestsPerSecond)} req/s`,
    );
  }
  lines.push(
    `  sustained     ${f(h.maxSustained?.acceptedPerSecond)} orders/s with every order in all three contexts · closed-loop max ${f(h.closedLoop?.acceptedPerSecond)} orders/s`,
  );
  for (const [label, at] of [
    ['at 500/s', h.at500],
    ['at max', h.atMax],
  ]) {
    if (at)
      lines.push(
        `  ${label.padEnd(13)} HTTP p50/p95/p99/max ${f(at.httpMs.p50)}/${f(at.httpMs.p95)}/${f(at.httpMs.p99)}/${f(at.httpMs.max)} ms · e2e p99 fulfillment/finance/support ${f(at.e2eP99Ms.fulfillment)}/${f(at.e2eP99Ms.finance)}/${f(at.e2eP99Ms.support)} ms`,
      );
  }
  const r = h.ratios;
  lines.push(
    `  ratios        checkout max / pgbench ${f(r.checkoutMaxOverPgbench16)} · sustained / pgbench ${f(r.sustainedOverPgbench16)} · checkout max / bare Fastify ${f(r.checkoutMaxOverBareFastify)} · e2e p99 / Kafka p99 ${f(r.e2eP99OverKafkaP99At500)} (500/s), ${f(r.e2eP99OverKafkaP99AtMax)} (max)`,
  );
  lines.push(`  peak RSS MB   ${['checkout', 'fulfillment', 'finance', 'support', 'kafka', 'postgres'].map((p) => `${p} ${f(result.peakMemoryMb[p])}`).join(' · ')}`);
  lines.push(`  report        ${files.report}`, `  chart         ${files.chart}`, '');
  console.log(lines.join('\n'));
}
