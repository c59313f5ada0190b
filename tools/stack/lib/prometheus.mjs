/**
 * A local Prometheus for `up`: Debian's `prometheus` binary (tools/install-tools.sh installs it),
 * scraping every context's /metrics from stack.json's ports, loading docker/monitoring/alerts.yml,
 * on loopback, with its data under .stack/. Optional: without the binary `up` says how to get it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './config.mjs';
import { ok, step, warn } from './log.mjs';
import { cmdline, isAlive, portOwner, readPid, removePid, spawnDetached, stopProcess, tail, writePid } from './proc.mjs';
import { httpStatus, isPortOpen, waitFor } from './wait.mjs';

const env = process.env;
export const prometheusLog = join(paths.logs, 'prometheus.log');
const pidFile = join(paths.run, 'prometheus.pid');
const configFile = join(paths.state, 'prometheus', 'prometheus.yml');
const dataDir = join(paths.state, 'prometheus-data');
const rulesFile = join(paths.repoRoot, 'docker/monitoring/alerts.yml');
const binary = env.PROMETHEUS_BIN ?? 'prometheus';
export const prometheusPort = () => Number(env.PROMETHEUS_PORT ?? 9090);
export const prometheusUrl = () => `http://127.0.0.1:${prometheusPort()}`;

const isOurs = (pid) => cmdline(pid).includes(configFile);

/** @returns {number | null} */
export function prometheusPid() {
  const pid = readPid(pidFile);
  return pid && isAlive(pid) && isOurs(pid) ? pid : null;
}

/** prometheus.yml: one job per context (its name as the `service` label), the alert rules. @param {import('./config.mjs').Stack} stack */
export function prometheusConfig(stack) {
  const lines = [
    '# Written by tools/stack (npm run up) from docker/provisioning/stack.json; edits are overwritten.',
    'global:',
    '  scrape_interval: 5s',
    '  evaluation_interval: 15s',
    'rule_files:',
    `  - ${JSON.stringify(rulesFile)}`,
    'scrape_configs:',
  ];
  for (const ctx of stack.contexts) {
    lines.push(
      `  - job_name: ${JSON.stringify(ctx.name)}`,
      '    metrics_path: /metrics',
      '    static_configs:',
      `      - targets: ["127.0.0.1:${ctx.port}"]`,
      `        labels: { service: ${JSON.stringify(ctx.name)} }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Starts Prometheus detached (or keeps the one already running with our config, reloading its
 * config), or explains why it cannot. Never fails `up`: metrics are an aid, not a dependency.
 * @param {import('./config.mjs').Stack} stack @returns {Promise<string | null>} its URL, if running
 */
export async function ensurePrometheus(stack) {
  if (env.BAZAAR_PROMETHEUS === '0') return null;
  if (spawnSync(binary, ['--version'], { stdio: 'ignore' }).error) {
    warn(`no '${binary}' on PATH, so no local Prometheus: install it with \`bash tools/install-tools.sh\` (Debian: apt-get install prometheus), then run \`npm run up\` again`);
    return null;
  }
  mkdirSync(join(paths.state, 'prometheus'), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(configFile, prometheusConfig(stack));

  const running = prometheusPid();
  if (running) {
    process.kill(running, 'SIGHUP'); // re-read the config: stack.json may have changed
    ok(`Prometheus already running (pid ${running}) on ${prometheusUrl()}`);
    return prometheusUrl();
  }
  removePid(pidFile);
  const port = prometheusPort();
  if (await isPortOpen(port)) {
    const owner = portOwner(port);
    warn(`port ${port} is taken by ${owner ? `pid ${owner}: ${cmdline(owner).slice(0, 100)}` : 'another process'}; set PROMETHEUS_PORT to a free port for the local Prometheus`);
    return null;
  }
  const child = spawnDetached({
    cmd: binary,
    args: [`--config.file=${configFile}`, `--storage.tsdb.path=${dataDir}`, '--storage.tsdb.retention.time=2d', `--web.listen-address=127.0.0.1:${port}`, '--web.enable-lifecycle'],
    cwd: paths.state,
    logFile: prometheusLog,
  });
  writePid(pidFile, child.pid);
  step(`started Prometheus (pid ${child.pid})`);
  const ready = await waitFor(async () => child.exitReason() !== null || (await httpStatus(`${prometheusUrl()}/-/ready`)) === 200, { timeoutMs: 30_000 });
  if (!ready || child.exitReason()) {
    warn(`Prometheus ${child.exitReason() ? `exited (${child.exitReason()})` : 'not ready after 30s'} (the services run without it). Last log lines:\n${tail(prometheusLog)}`);
    return null;
  }
  ok(`Prometheus on ${prometheusUrl()} (scrapes ${stack.contexts.map((c) => c.name).join(', ')} every 5 s; alerts from docker/monitoring/alerts.yml)`);
  return prometheusUrl();
}

export async function stopPrometheus() {
  const pid = prometheusPid();
  removePid(pidFile);
  if (!pid) return false;
  const how = await stopProcess(pid, 15_000);
  (how === 'killed' ? warn : ok)(`Prometheus ${how} (pid ${pid})`);
  return true;
}
