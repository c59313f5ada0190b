/** The four built services as child processes (dist/apps/<name>/main.js, NODE_ENV=production). */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { paths } from '../../../stack/lib/config.mjs';

export const mainJs = (name) => join(paths.dist, name, 'main.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * What a context's process is given in production besides its configuration: the literal `env`
 * values of its container in the Kubernetes base (`k8s/base/<name>/deployment.yaml`) — the Node
 * options (heap limits) and the allocator's settings. The tools start the services with them, so a
 * benchmark measures the memory settings that are deployed.
 * @returns {Record<string, string>}
 */
export function deployedEnv(name) {
  const manifest = join(paths.repoRoot, 'k8s/base', name, 'deployment.yaml');
  if (!existsSync(manifest)) return {};
  const deployment = loadAll(readFileSync(manifest, 'utf8')).find((doc) => doc?.kind === 'Deployment');
  const container = deployment?.spec?.template?.spec?.containers?.find((c) => c.name === name);
  return Object.fromEntries((container?.env ?? []).filter((e) => typeof e.value === 'string').map((e) => [e.name, e.value]));
}

/**
 * Starts a built service with what it is deployed with ({@link deployedEnv}), then `env` on top;
 * `env.NODE_OPTIONS` is appended to the deployed ones (later options win).
 * @param {{ name: string, env: Record<string, string>, logFile: string, args?: string[] }} o
 * @returns {import('node:child_process').ChildProcess}
 */
export function spawnService({ name, env, logFile, args = [] }) {
  if (!existsSync(mainJs(name))) throw new Error(`${mainJs(name)} is missing: build the services first (or drop --no-build)`);
  const deployed = deployedEnv(name);
  const child = spawn(process.execPath, [mainJs(name), ...args], {
    cwd: paths.repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      ...deployed,
      ...env,
      NODE_OPTIONS: [deployed.NODE_OPTIONS, env.NODE_OPTIONS].filter(Boolean).join(' '),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams share the file, so neither may end it: the first to end would leave the other
  // writing after the end (an unhandled 'error' that ends this tool). It ends once both are closed.
  const log = createWriteStream(logFile, { flags: 'a' });
  log.on('error', (error) => console.error(`! ${name}'s log ${logFile}: ${error.message}`));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.once('close', () => log.end());
  return child;
}

/** Resolves when /health/ready answers 200; rejects if the process exits or the deadline passes. */
export async function waitReady(child, url, timeoutMs, name) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs / 1000}s`);
}

/** SIGTERM, then SIGKILL after a deadline. */
export function stopChild(child, timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `main.js migrate` against a database and waits for it. */
export function migrate(name, databaseUrl, logFile) {
  const child = spawnService({ name, env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, logFile, args: ['migrate'] });
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} migrate exited with ${code} (see ${logFile})`)))));
}
