/**
 * Two login roles and one database per bounded context, as stack.json declares them:
 * - the owner (`owner`) owns the database and its public schema and runs the migrations;
 * - the runtime role (`role`) may connect and use the schema, nothing more: every migration run
 *   grants it the DML its context declares (libs/platform/database runtime-grants.ts).
 * Nobody else may connect to a context database, and no context role to `postgres` or `template1`.
 * Each role's password comes from <ROLE>_PASSWORD (compose: .env); none locally (trust auth).
 */
import { databaseOwners, pgAdmin, rolePassword } from './config.mjs';
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
    await client.end().catch(() => undefined);
  }
}

const exists = async (c, sql, name) => (await c.query(sql, [name])).rowCount > 0;

// A context role can do nothing beyond what is granted to it (NOINHERIT: not even through a membership).
const ROLE_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS';

/** Creates the role or re-applies its attributes and password. @param {import('pg').Client} c @param {string} name */
async function ensureRole(c, name, created) {
  const role = c.escapeIdentifier(name);
  const password = rolePassword(name);
  const attributes = `${ROLE_ATTRIBUTES}${password ? ` PASSWORD ${c.escapeLiteral(password)}` : ''}`;
  if (await exists(c, 'SELECT 1 FROM pg_roles WHERE rolname = $1', name)) {
    await c.query(`ALTER ROLE ${role} WITH ${attributes}`);
  } else {
    await c.query(`CREATE ROLE ${role} WITH ${attributes}`);
    created.push(`role ${name}`);
  }
}

/** Creates the database owned by `owner`, or hands an existing one to it. */
async function ensureDatabase(c, name, owner, created) {
  const db = c.escapeIdentifier(name);
  if (await exists(c, 'SELECT 1 FROM pg_database WHERE datname = $1', name)) {
    await c.query(`ALTER DATABASE ${db} OWNER TO ${c.escapeIdentifier(owner)}`);
  } else {
    await c.query(`CREATE DATABASE ${db} OWNER ${c.escapeIdentifier(owner)}`);
    created.push(`database ${name}`);
  }
  await c.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
}

/**
 * Idempotent: creates what is missing and re-applies ownership and grants. A context gets its owner
 * and runtime roles; an external system's stand-in (the legacy billing system) one role that owns
 * its database and migrates it itself, as the system it plays would.
 * @param {import('./config.mjs').Stack} stack
 */
export async function provisionDatabases(stack) {
  const created = [];
  const external = stack.externalSystems ?? [];
  await withClient(undefined, async (c) => {
    for (const ctx of stack.contexts) {
      await ensureRole(c, ctx.owner, created);
      await ensureRole(c, ctx.role, created);
      await ensureDatabase(c, ctx.database, ctx.owner, created);
      await c.query(`GRANT CONNECT ON DATABASE ${c.escapeIdentifier(ctx.database)} TO ${c.escapeIdentifier(ctx.role)}`);
    }
    for (const system of external) {
      await ensureRole(c, system.role, created);
      await ensureDatabase(c, system.database, system.role, created);
    }
    for (const other of ['postgres', 'template1']) await c.query(`REVOKE CONNECT ON DATABASE ${c.escapeIdentifier(other)} FROM PUBLIC`);
  });
  for (const ctx of stack.contexts) {
    await withClient(ctx.database, async (c) => {
      const owner = c.escapeIdentifier(ctx.owner);
      const runtime = c.escapeIdentifier(ctx.role);
      // A database from before the split is owned by the runtime role: its tables move to the owner.
      await c.query(`REASSIGN OWNED BY ${runtime} TO ${owner}`);
      await c.query(`ALTER SCHEMA public OWNER TO ${owner}`);
      await c.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
      await c.query(`GRANT USAGE ON SCHEMA public TO ${runtime}`);
    });
  }
  for (const system of external) {
    await withClient(system.database, async (c) => {
      await c.query(`ALTER SCHEMA public OWNER TO ${c.escapeIdentifier(system.role)}`);
      await c.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    });
  }
  ok(
    `databases: ${databaseOwners(stack)
      .map((c) => c.database)
      .join(', ')}${created.length ? ` (created ${created.join(', ')})` : ' (all present)'}`,
  );
}

/**
 * Drops the context databases (WITH (FORCE) terminates their connections),
 * and with dropRoles the roles too.
 */
export async function dropDatabases(stack, { dropRoles = false } = {}) {
  await withClient(undefined, async (c) => {
    for (const ctx of databaseOwners(stack)) {
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(ctx.database)} WITH (FORCE)`);
      if (dropRoles) {
        for (const role of [ctx.role, ctx.owner].filter(Boolean)) await c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(role)}`);
      }
    }
  });
  step(
    `dropped databases${dropRoles ? ' and roles' : ''}: ${databaseOwners(stack)
      .map((c) => c.database)
      .join(', ')}`,
  );
}
