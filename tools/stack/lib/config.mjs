/**
 * Where things live and how to reach them. Everything is derived from
 * docker/provisioning/stack.json plus environment overrides, so the no-Docker
 * path and docker-compose's provision container read the same declaration.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StackError } from './log.mjs';

const env = process.env;

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const stateDir = resolve(env.BAZAAR_STATE_DIR ?? join(repoRoot, '.stack'));

export const paths = {
  repoRoot,
  stackFile: resolve(env.BAZAAR_STACK_FILE ?? join(repoRoot, 'docker/provisioning/stack.json')),
  state: stateDir,
  logs: join(stateDir, 'logs'),
  run: join(stateDir, 'run'),
  kafkaConf: join(stateDir, 'kafka'),
  kafkaData: join(stateDir, 'kafka-data'),
  cache: resolve(env.BAZAAR_CACHE_DIR ?? join(homedir(), '.cache/bazaar')),
  kafkaPom: join(repoRoot, 'tools/stack/kafka/pom.xml'),
  dist: resolve(env.BAZAAR_DIST_DIR ?? join(repoRoot, 'dist/apps')),
};

/**
 * @typedef {{ name: string, database: string, owner: string, role: string, port: number }} Context
 * @typedef {{ name: string, database: string, role: string, port: number, owner?: undefined }} ExternalSystem
 * @typedef {{ name: string, owner: string, partitions?: number, config?: Record<string, string> }} Topic
 * @typedef {{ kafka: { version: string, defaultPartitions: number, replicationFactor?: number },
 *             contexts: Context[], externalSystems?: ExternalSystem[], topics: Topic[], console?: { name: string, port: number } }} Stack
 * @typedef {{ name: string, port: number, database?: string, role?: string, env?: Record<string, string>, openApi?: boolean }} App
 */

// Names end up in SQL identifiers and file paths: keep them boring.
const SQL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const APP_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** @returns {Stack} */
export function loadStack() {
  /** @type {Stack} */
  let stack;
  try {
    stack = JSON.parse(readFileSync(paths.stackFile, 'utf8'));
  } catch (err) {
    throw new StackError(`cannot read ${paths.stackFile}: ${err.message}`);
  }
  for (const c of stack.contexts ?? []) {
    if (!SQL_NAME.test(c.name) || !SQL_NAME.test(c.database) || !SQL_NAME.test(c.owner) || !SQL_NAME.test(c.role) || c.owner === c.role || !Number.isInteger(c.port)) {
      throw new StackError(`stack.json: bad context ${JSON.stringify(c)}`);
    }
  }
  // A stand-in of a system we do not own keeps one role that owns its database (it migrates itself).
  for (const c of stack.externalSystems ?? []) {
    if (!APP_NAME.test(c.name) || !SQL_NAME.test(c.database) || !SQL_NAME.test(c.role) || c.owner !== undefined || !Number.isInteger(c.port)) {
      throw new StackError(`stack.json: bad external system ${JSON.stringify(c)}`);
    }
  }
  for (const t of stack.topics ?? []) {
    if (!TOPIC_NAME.test(t.name)) throw new StackError(`stack.json: bad topic name ${JSON.stringify(t.name)}`);
  }
  if (!stack.kafka?.version) throw new StackError('stack.json: kafka.version is missing');
  return stack;
}

export const kafkaPorts = () => ({
  broker: Number(env.KAFKA_PORT ?? 9092),
  controller: Number(env.KAFKA_CONTROLLER_PORT ?? 9093),
});

/** Bootstrap servers for clients: compose passes KAFKA_BROKERS, locally it is our loopback broker. */
export const kafkaBrokers = () => (env.KAFKA_BROKERS ?? `127.0.0.1:${kafkaPorts().broker}`).split(',');

/** Superuser connection for provisioning; pg also honours PGPASSWORD from the environment. */
export const pgAdmin = () => ({
  host: env.PGHOST ?? '127.0.0.1',
  port: Number(env.PGPORT ?? 5432),
  user: env.PGUSER ?? 'postgres',
  database: env.PGDATABASE ?? 'postgres',
});

/**
 * A role's password: <ROLE>_PASSWORD in upper case (BAZAAR_CHECKOUT_OWNER_PASSWORD, BAZAAR_CHECKOUT_PASSWORD),
 * one secret per role. Locally the server trusts loopback and none is set.
 * @param {string} role
 */
export const rolePassword = (role) => env[`${role.toUpperCase()}_PASSWORD`] || undefined;

/** A socket directory (PGHOST=/var/run/postgresql) goes into a URL percent-encoded, as node-postgres reads it. */
export const urlHost = (host) => (host.startsWith('/') ? encodeURIComponent(host) : host);

/** The runtime role's URL (what the service serves with), or with `as: 'owner'` the owner's (migrations). @param {Context} ctx */
export function databaseUrl(ctx, { as = 'runtime' } = {}) {
  const { host, port } = pgAdmin();
  // An external system's stand-in has one role, which owns its database.
  const role = as === 'owner' ? (ctx.owner ?? ctx.role) : ctx.role;
  const pw = rolePassword(role);
  const auth = pw ? `${role}:${encodeURIComponent(pw)}` : role;
  return `postgres://${auth}@${urlHost(host)}:${port}/${ctx.database}`;
}

export const redisUrl = () => env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Who owns a database: the contexts, and the systems we do not own but run a stand-in of (the
 * legacy billing system), which are neither on Kafka nor a bounded context of ours.
 * @param {Stack} stack @returns {(Context | ExternalSystem)[]}
 */
export const databaseOwners = (stack) => [...stack.contexts, ...(stack.externalSystems ?? [])];

/**
 * What `up` runs: the external systems' stand-ins first (Finance calls the legacy billing system),
 * the context services, then the back-office console pointed at them (it has no
 * database; locally it may hand out development tokens to its role picker).
 * @param {Stack} stack @returns {App[]}
 */
export function stackApps(stack) {
  // The stand-ins speak their own old API: no OpenAPI document.
  const services = [...(stack.externalSystems ?? []).map((system) => ({ ...system, openApi: false })), ...stack.contexts];
  if (!stack.console) return services;
  const urls = Object.fromEntries(stack.contexts.map((c) => [`${c.name.toUpperCase()}_URL`, `http://127.0.0.1:${c.port}`]));
  return [...services, { ...stack.console, env: { ...urls, CONSOLE_DEV_TOKENS: 'true' } }];
}
