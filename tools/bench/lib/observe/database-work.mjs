/**
 * What an order costs the database: commits and rows written per context database (from
 * pg_stat_database, which backends flush about once a second) and WAL written and flushed by the
 * whole server (pg_stat_wal: shared with anyone else's work on this PostgreSQL).
 */
import { Sampler } from './sampler.mjs';
import { round } from '../stats.mjs';

/** @param {import('pg').Pool} adminPool @param {Record<string, string>} databases context → database name */
export function databaseWorkSampler(adminPool, databases, intervalMs = 1000) {
  const names = Object.values(databases);
  const contextOf = Object.fromEntries(Object.entries(databases).map(([ctx, db]) => [db, ctx]));
  const sampler = new Sampler(async () => {
    const [{ rows }, { rows: wal }] = await Promise.all([
      adminPool.query('SELECT datname, xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = ANY($1)', [names]),
      adminPool.query('SELECT wal_records, wal_bytes, wal_sync FROM pg_stat_wal'),
    ]);
    const db = Object.fromEntries(rows.map((r) => [contextOf[r.datname], { commits: +r.xact_commit, written: +r.tup_inserted + +r.tup_updated + +r.tup_deleted }]));
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
  const out = { commits: {}, rowsWritten: {} };
  for (const ctx of Object.keys(last.db)) {
    out.commits[ctx] = per(first.db[ctx]?.commits ?? 0, last.db[ctx].commits);
    out.rowsWritten[ctx] = per(first.db[ctx]?.written ?? 0, last.db[ctx].written);
  }
  out.walKbPerOrder = round((last.wal.bytes - first.wal.bytes) / 1024 / orders, 1);
  out.walSyncsPerOrder = per(first.wal.syncs, last.wal.syncs);
  return out;
}
