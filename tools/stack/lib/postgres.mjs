/**
 * One login role and one database per bounded context. A role can connect
 * only to its own database and owns its public schema; no other role can
 * create objects there.
 */
import { databaseOwners, dbPassword, pgAdmin } from './config.mjs';
import { dep } from './deps.mjs';
import { StackError, ok, step } from './log.mjs';

/** @template T @param {string | undefined} database @param {(c: import('pg').Client) => Promise<T>} fn */
async function withClient(database, fn) {
  const { Client } = dep('pg');
  const cfg = { ...pgAdmin(), ...(database ? { database } : {}) };
  const client = new Client({ ...cfg, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new StackError(`cannot connect to PostgreSQL as ${cfg.user}@${cfg.host}:${cfg.port}/${cfg.database}: ${err.message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const exists = async (c, sql, name) => (await c.query(sql, [name])).rowCount > 0;

/** Idempotent: creates what is missing and re-applies ownership and grants. @param {import('./config.mjs').Stack} stack */
export async function provisionDatabases(stack) {
  const password = dbPassword();
  const created = [];
  await withClient(undefined, async (c) => {
    for (const ctx of databaseOwners(stack)) {
      const role = c.escapeIdentifier(ctx.role);
      const db = c.escapeIdentifier(ctx.database);
      const pw = password ? ` PASSWORD ${c.escapeLiteral(password)}` : '';
      if (await exists(c, 'SELECT 1 FROM pg_roles WHERE rolname = $1', ctx.role)) {
        if (pw) await c.query(`ALTER ROLE ${role} WITH LOGIN${pw}`);
      } else {
        await c.query(`CREATE ROLE ${role} WITH LOGIN${pw}`);
        created.push(`role ${ctx.role}`);
      }
      if (await exists(c, 'SELECT 1 FROM pg_database WHERE datname = $1', ctx.database)) {
        await c.query(`ALTER DATABASE ${db} OWNER TO ${role}`);
      } else {
        await c.query(`CREATE DATABASE ${db} OWNER ${role}`);
        created.push(`database ${ctx.database}`);
      }
      await c.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${db} FROM PUBLIC`);
      await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${role}`);
    }
  });
  for (const ctx of databaseOwners(stack)) {
    await withClient(ctx.database, async (c) => {
      const role = c.escapeIdentifier(ctx.role);
      await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      await c.query(`ALTER SCHEMA public OWNER TO ${role}`);
    });
  }
  ok(`databases: ${databaseOwners(stack).map((c) => c.database).join(', ')}${created.length ? ` (created ${created.join(', ')})` : ' (all present)'}`);
}

/**
 * Drops the context databases (WITH (FORCE) terminates their connections),
 * and with dropRoles the roles too.
 */
export async function dropDatabases(stack, { dropRoles = false } = {}) {
  await withClient(undefined, async (c) => {
    for (const ctx of databaseOwners(stack)) {
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(ctx.database)} WITH (FORCE)`);
      if (dropRoles) await c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(ctx.role)}`);
    }
  });
  step(`dropped databases${dropRoles ? ' and roles' : ''}: ${databaseOwners(stack).map((c) => c.database).join(', ')}`);
}
