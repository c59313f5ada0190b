/** `up` runs the local issuer (tools/stack/issuer.mjs) detached, before the services that fetch its keys. */
import { join } from 'node:path';
import { paths } from './config.mjs';
import { issuerPort, issuerUrl } from './issuer.mjs';
import { StackError, ok, step, warn } from './log.mjs';
import { cmdline, isAlive, portOwner, readPid, removePid, spawnDetached, stopProcess, tail, writePid } from './proc.mjs';
import { httpStatus, isPortOpen, waitFor } from './wait.mjs';

export const issuerLog = join(paths.logs, 'issuer.log');
const pidFile = join(paths.run, 'issuer.pid');
const script = join(paths.repoRoot, 'tools/stack/issuer.mjs');

/** @returns {number | null} */
export function issuerPid() {
  const pid = readPid(pidFile);
  return pid && isAlive(pid) && cmdline(pid).includes(script) ? pid : null;
}

/** Starts the issuer unless ours already runs; the services cannot verify a token without it. */
export async function ensureIssuer() {
  const running = issuerPid();
  if (running) {
    ok(`issuer already running (pid ${running}) on ${issuerUrl()}`);
    return issuerUrl();
  }
  removePid(pidFile);
  const port = issuerPort();
  if (await isPortOpen(port)) {
    const owner = portOwner(port);
    throw new StackError(`port ${port} for the issuer is in use by ${owner ? `pid ${owner}: ${cmdline(owner).slice(0, 120)}` : 'another process'}; set ISSUER_PORT`);
  }
  const child = spawnDetached({ cmd: process.execPath, args: [script], cwd: paths.repoRoot, logFile: issuerLog });
  writePid(pidFile, child.pid);
  step(`started the issuer (pid ${child.pid})`);
  const ready = await waitFor(async () => child.exitReason() !== null || (await httpStatus(`${issuerUrl()}/.well-known/jwks.json`)) === 200, { timeoutMs: 15_000 });
  if (!ready || child.exitReason()) throw new StackError(`the issuer did not start. Last log lines:\n${tail(issuerLog)}`);
  ok(`issuer on ${issuerUrl()} (tokens: npm run --silent token -- <role> [subject])`);
  return issuerUrl();
}

export async function stopIssuer() {
  const pid = issuerPid();
  removePid(pidFile);
  if (!pid) return false;
  const how = await stopProcess(pid, 10_000);
  (how === 'killed' ? warn : ok)(`issuer ${how} (pid ${pid})`);
  return true;
}
