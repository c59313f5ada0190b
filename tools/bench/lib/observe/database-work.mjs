/**
 * What an order costs the database: statements each context's services sent (their
 * `bazaar_database_statements_total`, scraped from every replica's /metrics — the scrape adds one
 * statement of its own per service and second), commits and rows written per context database (from
 * pg_stat_database, which backends flush about once a second) and WAL written and flushed by the
 * whole server (pg_stat_wal: shared with anyone else's work on this PostgreSQL).
 */
import { Sampler } from './sampler.mjs';
import { round } from '../stats.mjs';

/**
 * @param {import('pg').Pool} adminPool @param {Record<string, string>} databases context → database name
 * @param {{ name: string, url: string }[]} services every replica of every context
 */
export function databaseWorkSampler(adminPool, databases, services, intervalMs = 1000) {
  const names = Object.values(databases);
  const contextOf = Object.fromEntries(Object.entries(databases).map(([ctx, db]) => [db, ctx]));
  const sampler = new Sampler(async () => {
    const [{ rows }, { rows: wal }, statements] = await Promise.all([
      adminPool.query('SELECT datname, xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = ANY($1)', [names]),
      adminPool.query('SELECT wal_records, wal_bytes, wal_sync FROM pg_stat_wal'),
      statementsSent(services),
    ]);
    const db = Object.fromEntries(
      rows.map((r) => {
        const ctx = contextOf[r.datname];
        return [ctx, { commits: +r.xact_commit, written: +r.tup_inserted + +r.tup_updated + +r.tup_deleted, statements: statements[ctx] ?? 0 }];
      }),
    );
    return { db, wal: { records: +wal[0].wal_records, bytes: +wal[0].wal_bytes, syncs: +wal[0].wal_sync } };
  }, intervalMs);
  sampler.perOrder = (from, to, orders) => perOrder(sampler.between(from, to), orders);
  return sampler;
}

/** Deltas between the first and last sample of a window, divided by the orders of that window. */
export function perOrder(samples, orders) {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || first === last || !orders) return null;
  const per = (a, b) => round((b - a) / orders, 2);
  const out = { statements: {}, commits: {}, rowsWritten: {} };
  for (const ctx of Object.keys(last.db)) {
    const statements = per(first.db[ctx]?.statements ?? 0, last.db[ctx].statements);
    out.statements[ctx] = Number.isNaN(statements) ? null : statements;
    out.commits[ctx] = per(first.db[ctx]?.commits ?? 0, last.db[ctx].commits);
    out.rowsWritten[ctx] = per(first.db[ctx]?.written ?? 0, last.db[ctx].written);
  }
  out.walKbPerOrder = round((last.wal.bytes - first.wal.bytes) / 1024 / orders, 1);
  out.walSyncsPerOrder = per(first.wal.syncs, last.wal.syncs);
  return out;
}

/** Statements sent so far by each context's replicas, summed (a replica that does not answer fails the sample). */
async function statementsSent(services) {
  const counts = await Promise.all(
    services.map(async ({ name, url }) => {
      const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2_000) });
      if (!res.ok) throw new Error(`${url}/metrics answered ${res.status}`);
      return [name, statementsIn(await res.text())];
    }),
  );
  const byContext = {};
  for (const [name, count] of counts) byContext[name] = (byContext[name] ?? 0) + count;
  return byContext;
}

/** The value of `bazaar_database_statements_total` in a Prometheus text exposition; NaN from a build that does not count them (the per-order figure is then left out). */
export function statementsIn(exposition) {
  const line = exposition.split('\n').find((l) => l.startsWith('bazaar_database_statements_total'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}
