/** Runs Nx targets from the repo root: migrations and service builds. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseOwners, databaseUrl, paths } from './config.mjs';
import { StackError, ok, step, warn } from './log.mjs';

const nxInstalled = () => existsSync(join(paths.repoRoot, 'nx.json')) && existsSync(join(paths.repoRoot, 'node_modules/.bin/nx'));

/** @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function nx(args, env = {}, capture = false) {
  return spawnSync('npx', ['--no-install', 'nx', ...args], {
    cwd: paths.repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
}

/**
 * Runs every project's `migrate` target, one at a time. Each context gets its
 * own DATABASE_URL, which is why this loops over `nx run` instead of one
 * `nx run-many` (that would give every project the same environment).
 * --skip-nx-cache: a migration must run against the database as it is now.
 * @param {import('./config.mjs').Stack} stack
 */
export function runMigrations(stack) {
  if (!nxInstalled()) {
    warn('Nx workspace not installed yet (no nx.json or node_modules/.bin/nx): skipping migrations');
    return;
  }
  const list = nx(['show', 'projects', '--with-target', 'migrate', '--json'], {}, true);
  if (list.status !== 0) throw new StackError(`nx show projects failed:\n${list.stderr || list.stdout}`);
  const projects = JSON.parse(list.stdout.trim() || '[]');
  if (projects.length === 0) {
    step('no project has a migrate target yet: skipping migrations');
    return;
  }
  for (const project of projects) {
    const ctx = databaseOwners(stack).find((c) => c.name === project);
    step(`migrating ${project}${ctx ? ` (${ctx.database})` : ''}`);
    // As the owner; the runtime role (DATABASE_URL's user) is granted the context's privileges after.
    const r = nx(['run', `${project}:migrate`, '--skip-nx-cache'], ctx ? { DATABASE_URL: databaseUrl(ctx), DATABASE_MIGRATION_URL: databaseUrl(ctx, { as: 'owner' }) } : {});
    if (r.status !== 0) throw new StackError(`migration of ${project} failed (exit ${r.status})`);
  }
  ok(`migrations applied: ${projects.join(', ')}`);
}

/**
 * Runs every project's `seed` target after migrations, one at a time with its context's
 * DATABASE_URL: Fulfillment's stocks the demo catalogue (docker/provisioning/catalogue.json),
 * only SKUs it has never stocked, so it is safe on every `up`.
 * @param {import('./config.mjs').Stack} stack
 */
export function runSeeds(stack) {
  if (!nxInstalled()) {
    warn('Nx workspace not installed yet (no nx.json or node_modules/.bin/nx): skipping seeds');
    return;
  }
  const list = nx(['show', 'projects', '--with-target', 'seed', '--json'], {}, true);
  if (list.status !== 0) throw new StackError(`nx show projects failed:\n${list.stderr || list.stdout}`);
  const projects = JSON.parse(list.stdout.trim() || '[]');
  for (const project of projects) {
    const ctx = databaseOwners(stack).find((c) => c.name === project);
    step(`seeding ${project}${ctx ? ` (${ctx.database})` : ''}`);
    const r = nx(['run', `${project}:seed`, '--skip-nx-cache'], ctx ? { DATABASE_URL: databaseUrl(ctx), DATABASE_MIGRATION_URL: databaseUrl(ctx, { as: 'owner' }) } : {});
    if (r.status !== 0) throw new StackError(`seeding ${project} failed (exit ${r.status})`);
  }
  if (projects.length > 0) ok(`seeded: ${projects.join(', ')}`);
}

/** @param {string[]} projects */
export function buildProjects(projects) {
  if (process.env.BAZAAR_SKIP_BUILD === '1') {
    step('BAZAAR_SKIP_BUILD=1: using the existing build');
    return;
  }
  if (!nxInstalled()) throw new StackError('Nx workspace not installed: run `npm ci` first');
  step(`building ${projects.join(', ')}`);
  const r = nx(['run-many', '-t', 'build', '-p', projects.join(',')]);
  if (r.status !== 0) throw new StackError(`build failed (exit ${r.status})`);
}
