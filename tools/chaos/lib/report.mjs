/** The run's report: trials, faults, broker restarts and violations, on the console and as Markdown and JSON. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const count = (items, keyOf) => {
  const counts = new Map();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
};
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const HEADLINE = ['lost', 'doubled', 'stranded'];

/** @returns {string} the Markdown report */
export function markdown(result) {
  const { run, trials, data, faults, resumes, violations } = result;
  const ends = Object.entries(data.ends).sort(([a], [b]) => a.localeCompare(b));
  const kinds = count(trials, (t) => t.kind);
  const byInvariant = count(violations, (v) => v.invariant);
  const headline = HEADLINE.map((name) => `${violations.filter((v) => v.invariant === name).length} ${name}`).join(', ');
  return [
    `# Chaos run ${run.runId}`,
    '',
    `${run.startedAt} · seed ${run.seed} · ${run.orders} orders at ${run.rate}/s · ${faults.filter((f) => f.injected).length} faults injected (${run.kinds.join(', ')}) · ${Math.round(run.durationSeconds)} s in all (settled after ${Math.round(run.settleSeconds)} s) · git ${run.git}`,
    '',
    `**${headline}; ${violations.length} violations in all.**`,
    '',
    '## Trials',
    '',
    table(
      ['kind', 'orders', 'accepted (201)'],
      kinds.map(([kind, n]) => [kind, n, trials.filter((t) => t.kind === kind && t.orderId).length]),
    ),
    '',
    table(['end, as Checkout has it', 'orders'], ends),
    '',
    `Orders in Checkout: ${data.orders} · reservations: ${data.reservations} · shipments: ${data.shipments} · ledger entries: ${data.ledgerEntries} · invoices: ${data.invoices} · Support views: ${data.supportViews} · dead letters: ${Object.entries(
      data.deadLetters,
    )
      .map(([ctx, n]) => `${ctx} ${n}`)
      .join(', ')}`,
    '',
    '## Faults',
    '',
    table(
      ['kind', 'injected', 'skipped (no target)'],
      count(faults, (f) => f.kind).map(([kind]) => [kind, faults.filter((f) => f.kind === kind && f.injected).length, faults.filter((f) => f.kind === kind && !f.injected).length]),
    ),
    '',
    ...(resumes.length > 0
      ? [
          '### Broker restarts',
          '',
          table(
            ['#', 'kind', 'broker back (s)', 'consumers in their groups (s)', 'every group consuming (s)', 'new order through every context (s)'],
            resumes.map((r, i) => [
              i + 1,
              r.kind,
              r.brokerBack.toFixed(1),
              r.consumersBack?.toFixed(1) ?? 'not within 180 s',
              r.progressBack?.toFixed(1) ?? `not within 180 s (${r.stuck})`,
              r.flowBack?.toFixed(1) ?? 'not within 180 s',
            ]),
          ),
          '',
        ]
      : []),
    '## Violations',
    '',
    violations.length === 0 ? 'None.' : table(['invariant', 'count'], byInvariant),
    '',
    ...violations.slice(0, 50).map((v) => `- \`${v.invariant}\`${v.orderId ? ` ${v.orderId}` : ''}: ${v.detail}`),
    violations.length > 50 ? `- … and ${violations.length - 50} more (result.json)` : '',
  ].join('\n');
}

export function writeReport(dir, result) {
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2));
  writeFileSync(join(dir, 'report.md'), `${markdown(result)}\n`);
}
