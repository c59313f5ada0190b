/** The Markdown report: what ran where, the ceilings, every step, resources, and the chart. */
import { GOALS, e2eP99 } from './headline.mjs';

const PROCESSES = ['checkout', 'fulfillment', 'finance', 'support', 'kafka', 'postgres', 'loadgen', 'bench', 'interrupts', 'steal', 'other'];
const SYSTEM = PROCESSES.slice(0, 6);
const f = (v, unit = '') => (v === null || v === undefined || Number.isNaN(v) ? '–' : `${v}${unit}`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const lat = (s) => (s ? `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)}` : '–');
const yes = (b) => (b ? 'yes' : '**no**');

export function markdownReport(result, { chartFile }) {
  const h = result.headline;
  const steps = [...result.steps, ...(result.closed ? [result.closed] : [])];
  return [
    `# Bazaar benchmark — ${result.mode}${result.label ? ` (${result.label})` : ''}`,
    '',
    `${result.startedAt} · ${result.machine.cpuModel} × ${result.machine.cores} · ${result.machine.memoryGb} GB · Node ${result.machine.node} · PostgreSQL ${result.postgres.version} (synchronous_commit=${result.postgres.synchronous_commit}) · commit ${result.git.commit}${result.git.dirty ? ' (uncommitted changes)' : ''}`,
    '',
    `Load average at start ${result.machine.loadAvgStart} and end ${result.machine.loadAvgEnd}; other processes used up to ${f(Math.max(...steps.map((s) => s.resources.other.cpuCores ?? 0)))} cores in a measured window — ${result.contaminated ? '**the machine was not quiet: numbers are contaminated**' : 'quiet enough (≤ 0.25 cores)'}. Service settings: ${Object.keys(result.settings.env).length || Object.keys(result.settings.envFor).length ? '`' + JSON.stringify(result.settings) + '`' : 'defaults'}. ${replicasLine(result.settings.replicas)}HTTP client: ${result.loadClient}. How to read this: docs/benchmark.md.`,
    '',
    '## Headline',
    '',
    table(
      ['', 'value', 'direction we aim at'],
      [
        ['max sustained accepted orders/s (every order in all three contexts)', f(h.maxSustained?.acceptedPerSecond), `≥ ${GOALS.sustainedOrdersPerSecond}`],
        ['closed-loop maximum accepted orders/s', f(h.closedLoop?.acceptedPerSecond), ''],
        ['HTTP p50 / p95 / p99 / max ms at 500/s', h.at500 ? `${lat(h.at500.httpMs)} / ${f(h.at500.httpMs.max)}` : '–', ''],
        ['HTTP p50 / p95 / p99 / max ms at the max sustained step', h.atMax ? `${lat(h.atMax.httpMs)} / ${f(h.atMax.httpMs.max)}` : '–', `p99 ≤ ${GOALS.httpP99Ms}`],
        [
          'end-to-end p99 ms at 500/s (fulfillment / finance / support)',
          h.at500 ? `${f(h.at500.e2eP99Ms.fulfillment)} / ${f(h.at500.e2eP99Ms.finance)} / ${f(h.at500.e2eP99Ms.support)}` : '–',
          '',
        ],
        [
          'end-to-end p99 ms at the max sustained step',
          h.atMax ? `${f(h.atMax.e2eP99Ms.fulfillment)} / ${f(h.atMax.e2eP99Ms.finance)} / ${f(h.atMax.e2eP99Ms.support)}` : '–',
          `≤ ${GOALS.e2eP99Ms}`,
        ],
        ['Checkout max ÷ pgbench (16 clients)', f(h.ratios.checkoutMaxOverPgbench16), ''],
        ['max sustained ÷ pgbench (16 clients)', f(h.ratios.sustainedOverPgbench16), ''],
        ['Checkout max ÷ bare Fastify', f(h.ratios.checkoutMaxOverBareFastify), ''],
        ['end-to-end p99 ÷ Kafka produce p99 (at 500/s · at max)', `${f(h.ratios.e2eP99OverKafkaP99At500)} · ${f(h.ratios.e2eP99OverKafkaP99AtMax)}`, ''],
        ['peak RSS per service MB', ['checkout', 'fulfillment', 'finance', 'support'].map((s) => f(result.peakMemoryMb[s])).join(' / '), `≤ ${GOALS.serviceRssMb}`],
      ],
    ),
    '',
    '## Ceilings (same machine, same run)',
    '',
    ceilings(result.ceilings),
    '',
    '## Steps',
    '',
    `Open loop at fixed order rates (${result.settings.stepWarmupMs / 1000} s warm-up + ${result.settings.stepMs / 1000} s measured each), then the closed-loop maximum (${result.closed?.connections ?? '–'} connections). Latencies in ms as p50 / p95 / p99; HTTP latency runs from the scheduled send time. End-to-end stages run from the order's placement: *paid* Checkout authorized it; *fulfillment* its stock is reserved and its shipment created (one transaction); *confirmed* Checkout heard the reservation back and confirmed it. What the reservation step costs is *fulfillment* − *paid* (Kafka to Fulfillment, the locked stock rows, the commit), and *confirmed* − *fulfillment* for the answer's way back.`,
    '',
    table(
      [
        'step',
        'accepted/s',
        'errors',
        'HTTP p50/p95/p99',
        'HTTP max',
        'relayed p99',
        'paid p99',
        'fulfillment e2e',
        'confirmed e2e',
        'finance e2e',
        'support e2e',
        'drain s',
        'outbox max ck/fu/fi',
        'lag max ck/fu/fi/su',
        'kept up',
      ],
      steps.map((s) => [
        s.name,
        f(s.acceptedPerSecond),
        f(s.errors),
        lat(s.http.latencyMs),
        f(s.http.latencyMs.max),
        f(s.e2e.latencyMs.relayed.p99),
        f(s.e2e.latencyMs.paid?.p99),
        lat(s.e2e.latencyMs.fulfillment),
        lat(s.e2e.latencyMs.confirmed),
        lat(s.e2e.latencyMs.finance),
        lat(s.e2e.latencyMs.support),
        s.drain.drained ? f(Math.round(s.drain.ms / 100) / 10) : '**never**',
        ['checkout', 'fulfillment', 'finance'].map((c) => f(s.pipeline.outbox[c]?.max)).join('/'),
        ['checkout', 'fulfillment', 'finance', 'support'].map((c) => f(s.pipeline.consumerLag[c]?.max)).join('/'),
        s.mode === 'closed' ? `downstream ${yes(s.keptUp.downstream)}` : yes(s.keptUp.sustained),
      ]),
    ),
    '',
    '## CPU (cores, average over each measured window) and memory',
    '',
    table(
      ['step', ...PROCESSES, 'machine busy'],
      [
        ...(result.idle ? [['idle (no load)', ...PROCESSES.map((p) => f(result.idle.resources[p]?.cpuCores)), f(result.idle.resources.machine.busyPercent, ' %')]] : []),
        ...steps.map((s) => [s.name, ...PROCESSES.map((p) => f(s.resources[p]?.cpuCores)), f(s.resources.machine.busyPercent, ' %')]),
      ],
    ),
    '',
    'CPU milliseconds per accepted order above idle ((cores − idle cores) ÷ orders/s): what one more order costs. "system" is the four services, the broker and PostgreSQL.',
    '',
    table(
      ['step', ...SYSTEM, 'system', 'loadgen'],
      steps.map((s) => {
        const idle = (p) => (p === 'loadgen' ? 0 : (result.idle?.resources[p]?.cpuCores ?? 0));
        const per = (p) => (s.acceptedPerSecond ? Math.round((10_000 * ((s.resources[p]?.cpuCores ?? 0) - idle(p))) / s.acceptedPerSecond) / 10 : null);
        return [s.name, ...SYSTEM.map((p) => f(per(p))), f(Math.round(SYSTEM.reduce((sum, p) => sum + (per(p) ?? 0), 0) * 10) / 10), f(per('loadgen'))];
      }),
    ),
    '',
    "Database work per accepted order: statements each context's services sent (round trips, BEGIN and COMMIT included), commits and rows written in each context's database, WAL written and flushed by the whole server (others' work on this PostgreSQL included).",
    '',
    table(
      ['step', 'statements ck/fu/fi/su', 'commits ck/fu/fi/su', 'rows written ck/fu/fi/su', 'WAL KB', 'WAL flushes'],
      steps.map((s) => {
        const d = s.databasePerOrder;
        const four = (m) => ['checkout', 'fulfillment', 'finance', 'support'].map((c) => f(m?.[c])).join(' / ');
        return [s.name, four(d?.statements), four(d?.commits), four(d?.rowsWritten), f(d?.walKbPerOrder), f(d?.walSyncsPerOrder)];
      }),
    ),
    '',
    table(['process', ...PROCESSES.slice(0, 6)], [['peak memory MB', ...PROCESSES.slice(0, 6).map((p) => f(result.peakMemoryMb[p]))]]),
    '',
    "Services and the broker: peak RSS (VmHWM; the broker's covers its whole life). PostgreSQL: peak of the summed proportional set size (PSS) of all its processes.",
    '',
    '## Latency against throughput',
    '',
    `![latency against accepted orders/s](${chartFile})`,
    '',
    `Slowest context's end-to-end p99 per step: ${steps.map((s) => `${s.name} ${f(e2eP99(s))} ms`).join(', ')}.`,
    '',
    ...profiles(result.profiles ?? {}),
  ].join('\n');
}

function ceilings(c) {
  if (!c) return 'Skipped (--no-ceilings).';
  const rows = [];
  const what = { statements: "Checkout's write transaction (6 statements)", 'one-statement': 'what-if: the same rows in one statement' };
  for (const r of c.pgbench?.runs ?? [])
    rows.push([`PostgreSQL: pgbench, ${what[r.variant ?? 'statements']}, ${r.clients} client${r.clients > 1 ? 's' : ''}`, `${f(r.tps)} tx/s`, `avg ${f(r.latencyAvgMs)} ms`]);
  if (c.pgbench?.skipped) rows.push(['PostgreSQL: pgbench', c.pgbench.skipped, '']);
  if (c.kafka?.max)
    rows.push([
      `Kafka: ProducerPerformance, acks=all, ${c.kafka.recordSize} B, flat out`,
      `${f(c.kafka.max.recordsPerSecond)} records/s`,
      `p99 ${f(c.kafka.max.latencyMs.p99)} ms (queued)`,
    ]);
  if (c.kafka?.fixedRate)
    rows.push([
      `Kafka: ProducerPerformance, acks=all, at ${c.kafka.fixedRate.rate}/s`,
      `${f(c.kafka.fixedRate.recordsPerSecond)} records/s`,
      `p50 / p95 / p99 ${f(c.kafka.fixedRate.latencyMs.p50)} / ${f(c.kafka.fixedRate.latencyMs.p95)} / ${f(c.kafka.fixedRate.latencyMs.p99)} ms`,
    ]);
  if (c.kafka?.skipped) rows.push(['Kafka: ProducerPerformance', c.kafka.skipped, '']);
  if (c.http)
    rows.push([
      `HTTP: bare Fastify POST /orders, ${c.http.connections} connections, same generator`,
      `${f(c.http.requestsPerSecond)} req/s`,
      `p50 / p99 ${f(c.http.latencyMs.p50)} / ${f(c.http.latencyMs.p99)} ms; server ${f(c.http.serverCores)} + generator ${f(c.http.generatorCores)} cores`,
    ]);
  return table(['ceiling', 'throughput', 'latency'], rows);
}

function profiles(all) {
  const names = Object.keys(all);
  if (!names.length) return [];
  const out = ['## CPU profiles (after the warm-up to the end; shares of busy time)', ''];
  for (const name of names) {
    const p = all[name];
    if (p.missing) {
      out.push(`${name}: ${p.missing}`, '');
      continue;
    }
    out.push(`### ${name} — ${p.busySeconds} s busy of ${p.sampledSeconds} s sampled (\`${p.file}\`, opens in Chrome DevTools)`, '');
    out.push(
      table(
        ['self time by area', '%'],
        p.areas.map((a) => [a.name, f(a.percent)]),
      ),
      '',
    );
    out.push(
      table(
        ['self time by function', '%'],
        p.functions.map((a) => [a.name.replace(/\|/g, '\\|'), f(a.percent)]),
      ),
      '',
    );
  }
  return out;
}

/** "Replicas: …" when a context ran more than one process (runs before the option had none). */
function replicasLine(replicas) {
  const counts = Object.entries(replicas ?? {});
  if (counts.every(([, n]) => n === 1)) return '';
  return `Processes per context: ${counts.map(([ctx, n]) => `${ctx} ${n}`).join(', ')} (CPU adds up over a context's replicas; memory is its largest process). `;
}
