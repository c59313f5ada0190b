/** The context services: start built apps detached, wait for readiness, stop, report. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { databaseUrl, kafkaBrokers, paths, redisUrl } from './config.mjs';
import { audience, issuerUrl } from './issuer.mjs';
import { StackError, ok, step, warn } from './log.mjs';
import { cmdline, isAlive, portOwner, readPid, removePid, spawnDetached, stopProcess, tail, writePid } from './proc.mjs';
import { httpStatus, isPortOpen, waitFor } from './wait.mjs';

/** @typedef {import('./config.mjs').App} Context (a context service or the console) */

/**
 * A local stack's key-encryption keys for buyers' personal data: the variable if set, else one
 * generated on first start and kept in .stack/<file> (gitignored), so restarts still open what was
 * sealed. PERSONAL_DATA_KEKS (Checkout's own) in personal-data-keks, PERSONAL_DATA_SHARING_KEKS
 * (Checkout's and Support's, for checkout.buyer-keys) in personal-data-sharing-keks.
 */
function keksOf(variable, file, id) {
  if (process.env[variable]) return process.env[variable];
  const path = join(paths.state, file);
  if (!existsSync(path)) {
    mkdirSync(paths.state, { recursive: true });
    writeFileSync(path, `${id}:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}
const personalDataKeks = () => keksOf('PERSONAL_DATA_KEKS', 'personal-data-keks', 'local');
const personalDataSharingKeks = () => keksOf('PERSONAL_DATA_SHARING_KEKS', 'personal-data-sharing-keks', 'local-share');

const READY_TIMEOUT_MS = Number(process.env.SERVICE_READY_TIMEOUT_MS ?? 60_000);

export const serviceLog = (name) => join(paths.logs, `${name}.log`);
const pidFile = (name) => join(paths.run, `${name}.pid`);
const mainJs = (name) => join(paths.dist, name, 'main.js');
const readyUrl = (ctx) => `http://127.0.0.1:${ctx.port}/health/ready`;
const isOurs = (pid, name) => cmdline(pid).includes(join(name, 'main.js'));

/** @param {Context} ctx @returns {number | null} */
export function servicePid(ctx) {
  const pid = readPid(pidFile(ctx.name));
  return pid && isAlive(pid) && isOurs(pid, ctx.name) ? pid : null;
}

/** @param {Context} ctx */
export async function stopService(ctx) {
  const pid = servicePid(ctx);
  removePid(pidFile(ctx.name));
  if (!pid) return false;
  const how = await stopProcess(pid, 15_000);
  (how === 'killed' ? warn : ok)(`${ctx.name} ${how} (pid ${pid})`);
  return true;
}

/** Starts (or restarts, so the current build runs) every service, then waits for all to be ready. @param {Context[]} contexts */
export async function startServices(contexts) {
  for (const ctx of contexts) {
    if (!existsSync(mainJs(ctx.name))) throw new StackError(`${mainJs(ctx.name)} not found: build ${ctx.name} first`);
  }
  const children = [];
  for (const ctx of contexts) {
    await stopService(ctx);
    if (await isPortOpen(ctx.port)) {
      const owner = portOwner(ctx.port);
      throw new StackError(`port ${ctx.port} for ${ctx.name} is in use by ${owner ? `pid ${owner}: ${cmdline(owner).slice(0, 120)}` : 'another process'}`);
    }
    const child = spawnDetached({
      cmd: process.execPath,
      args: [mainJs(ctx.name)],
      cwd: paths.repoRoot,
      logFile: serviceLog(ctx.name),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(ctx.port),
        // The runtime role only: `provision` migrated as the owner, so the service does not.
        ...(ctx.database ? { DATABASE_URL: databaseUrl(ctx), MIGRATE_ON_START: 'false' } : {}),
        KAFKA_BROKERS: kafkaBrokers().join(','),
        REDIS_URL: redisUrl(),
        // Every service trusts the local issuer; the console asks it for development tokens.
        AUTH_ISSUER: issuerUrl(),
        AUTH_AUDIENCE: audience(),
        PERSONAL_DATA_KEKS: personalDataKeks(),
        PERSONAL_DATA_SHARING_KEKS: personalDataSharingKeks(),
        ...ctx.env,
      },
    });
    writePid(pidFile(ctx.name), child.pid);
    step(`started ${ctx.name} (pid ${child.pid})`);
    children.push({ ctx, child });
  }
  // Wait for all at once: they boot in parallel.
  const results = await Promise.all(children.map(({ ctx, child }) => waitReady(ctx, child)));
  const failed = results.filter((r) => r !== true);
  if (failed.length) throw new StackError(failed.join('\n\n'));
}

async function waitReady(ctx, child) {
  const ready = await waitFor(async () => child.exitReason() !== null || (await httpStatus(readyUrl(ctx))) === 200, {
    timeoutMs: READY_TIMEOUT_MS,
    onWait: (s) => step(`waiting for ${ctx.name}… ${s}s`),
  });
  const exited = child.exitReason();
  if (ready && !exited) return true;
  const why = exited ? `exited (${exited})` : `not ready after ${READY_TIMEOUT_MS / 1000}s at ${readyUrl(ctx)}`;
  return `${ctx.name} ${why}. Last log lines:\n${tail(serviceLog(ctx.name))}`;
}

/** @param {Context[]} contexts */
export function printServiceTable(contexts) {
  const docs = (c) => (c.database && c.openApi !== false ? `http://127.0.0.1:${c.port}/docs` : '-');
  const rows = [
    ['service', 'url', 'openapi', 'log'],
    ...contexts.map((c) => [c.name, `http://127.0.0.1:${c.port}`, docs(c), relative(process.cwd(), serviceLog(c.name)) || serviceLog(c.name)]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  const backOffice = contexts.find((c) => !c.database);
  if (backOffice) console.log(`\nBack-office console: http://127.0.0.1:${backOffice.port}  (pick a role to sign in)`);
}

/** @param {Context} ctx */
export async function serviceReady(ctx) {
  return (await httpStatus(readyUrl(ctx), 1500)) === 200;
}
