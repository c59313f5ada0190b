/** Throw-away databases on the local PostgreSQL (superuser, as the tests' createTestDatabase does). */
import pg from 'pg';
import { pgAdmin, urlHost } from '../../../stack/lib/config.mjs';

const admin = async (fn) => {
  const client = new pg.Client({ ...pgAdmin(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** @param {string} name */
export function databaseUrl(name) {
  const { host, port, user } = pgAdmin();
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${urlHost(host)}:${port}/${name}`;
}

/** @param {string} name */
export const createDatabase = (name) => admin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));

/** @param {string} name */
export const dropDatabase = (name) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));

/** The server settings that bound a write-heavy benchmark, recorded with the results. */
export const serverSettings = () =>
  admin(async (c) => {
    const { rows } = await c.query(`SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name`, [
      ['synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay', 'full_page_writes', 'max_wal_size', 'autovacuum'],
    ]);
    const { rows: version } = await c.query('SHOW server_version');
    return { version: version[0].server_version, ...Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting])) };
  });

/**
 * A small pool per database for the samplers and the end-to-end queries (and the chaos tool's).
 * @param {string} name
 * @param {string} [applicationName]
 */
export function poolFor(name, applicationName = 'bazaar-bench') {
  const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 2, application_name: applicationName });
  // An idle connection the server ends (a terminated backend, a database dropped WITH FORCE) is
  // discarded by the pool, which then emits 'error': without a listener that would end the tool.
  pool.on('error', () => undefined);
  return pool;
}

/** How often the bench looks for tables to vacuum or analyze when the server's autovacuum is off (autovacuum's naptime is 60 s; its work here is small and spread thinner). */
export const MAINTENANCE_INTERVAL_MS = 15_000;

/**
 * The tables autovacuum would take now, by its default rules: VACUUM once dead rows exceed 50 + 20 %
 * of the table (or, for a table only inserted into, inserted rows since the last vacuum exceed
 * 1,000 + 20 %), ANALYZE once rows changed since the last analyze exceed 50 + 10 %.
 */
const DUE_TABLES = `
  SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name,
         n_dead_tup > 50 + 0.2 * GREATEST(n_live_tup, 0)
           OR n_ins_since_vacuum > 1000 + 0.2 * GREATEST(n_live_tup, 0) AS vacuum,
         n_mod_since_analyze > 50 + 0.1 * GREATEST(n_live_tup, 0) AS analyze
    FROM pg_stat_user_tables`;

/**
 * Stands in for autovacuum when the server runs without it (this machine's CI setting): every
 * `MAINTENANCE_INTERVAL_MS`, the tables of the run's databases that autovacuum would take by its
 * default thresholds are vacuumed and analyzed, one at a time. Without it the services' prepared
 * statements keep the generic plans they made while the tables were empty (sequential scans,
 * costlier with every order) and dead rows pile up: a state no production server is in. Returns a
 * stop function; a no-op when autovacuum runs.
 * @param {import('pg').Pool[]} pools
 * @param {(msg: string) => void} log
 */
export async function maintainLikeAutovacuum(pools, log) {
  const { rows } = await pools[0].query('SHOW autovacuum');
  if (rows[0].autovacuum === 'on') return () => undefined;
  log(`autovacuum is off on this PostgreSQL: the bench vacuums and analyzes its tables by autovacuum's thresholds every ${MAINTENANCE_INTERVAL_MS / 1000} s instead`);
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => Promise.all(pools.map((pool) => maintain(pool).catch(() => undefined))).then(() => undefined));
  }, MAINTENANCE_INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** @param {import('pg').Pool} pool */
async function maintain(pool) {
  const { rows } = await pool.query(DUE_TABLES);
  for (const table of rows) {
    if (table.vacuum) await pool.query(`VACUUM (ANALYZE) ${table.name}`);
    else if (table.analyze) await pool.query(`ANALYZE ${table.name}`);
  }
}
