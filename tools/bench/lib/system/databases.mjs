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

/** How often the bench vacuums and analyzes its databases itself when the server's autovacuum is off. */
export const MAINTENANCE_INTERVAL_MS = 15_000;

/**
 * Stands in for autovacuum when the server runs without it (this machine's CI setting): every
 * `MAINTENANCE_INTERVAL_MS`, `VACUUM (ANALYZE)` of each of the run's databases, as autovacuum would
 * do as the tables grow. Without it the services' prepared statements keep the generic plans they
 * made while the tables were empty (sequential scans, growing with every order), and dead rows
 * pile up: a state no production server is in. Returns a stop function; a no-op when autovacuum runs.
 * @param {import('pg').Pool[]} pools
 * @param {(msg: string) => void} log
 */
export async function maintainLikeAutovacuum(pools, log) {
  const { rows } = await pools[0].query('SHOW autovacuum');
  if (rows[0].autovacuum === 'on') return () => undefined;
  log(`autovacuum is off on this PostgreSQL: the bench vacuums and analyzes its databases every ${MAINTENANCE_INTERVAL_MS / 1000} s instead`);
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => Promise.all(pools.map((pool) => pool.query('VACUUM (ANALYZE)').catch(() => undefined))).then(() => undefined));
  }, MAINTENANCE_INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
