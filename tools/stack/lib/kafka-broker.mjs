/** Lifecycle of the local Kafka broker: format, start detached, detect leftovers, stop. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaPorts, paths } from './config.mjs';
import { kafkaAnswers } from './kafka-admin.mjs';
import { clusterId, kafkaFiles, writeKafkaConfig } from './kafka-config.mjs';
import { ensureKafkaDist } from './kafka-dist.mjs';
import { StackError, elapsed, ok, step, warn } from './log.mjs';
import { cmdline, isAlive, portOwner, readPid, removePid, spawnDetached, stopProcess, tail, writePid } from './proc.mjs';
import { isPortOpen, waitFor } from './wait.mjs';

export const brokerPidFile = join(paths.run, 'kafka.pid');
export const brokerLog = join(paths.logs, 'kafka.log');
const READY_TIMEOUT_MS = Number(process.env.KAFKA_READY_TIMEOUT_MS ?? 90_000);

/** Ours = a kafka.Kafka JVM started with this state dir's server.properties. */
const isOurBroker = (pid) => {
  const cmd = cmdline(pid);
  return cmd.includes('kafka.Kafka') && cmd.includes(paths.kafkaConf);
};

/** The pid of our running broker (from the pid file, else from whoever holds the port), or null. */
export function brokerPid() {
  const pid = readPid(brokerPidFile);
  if (pid && isAlive(pid) && isOurBroker(pid)) return pid;
  const owner = portOwner(kafkaPorts().broker);
  return owner && isOurBroker(owner) ? owner : null;
}

/** Makes sure our broker is running and answering; reuses a healthy one. @param {import('./config.mjs').Stack} stack */
export async function ensureBroker(stack) {
  const libs = ensureKafkaDist(stack.kafka.version);
  writeKafkaConfig();
  const { broker, controller } = kafkaPorts();

  const recorded = readPid(brokerPidFile);
  if (recorded && !(isAlive(recorded) && isOurBroker(recorded))) {
    step(`removing stale pid file (broker ${recorded} is gone)`);
    removePid(brokerPidFile);
  }
  const running = brokerPid();
  if (running) {
    // Started by us (maybe by a run that was killed): keep it if it answers.
    // Not listening yet means it is still booting, so give it the full startup budget.
    const patience = (await isPortOpen(broker)) ? 15_000 : READY_TIMEOUT_MS;
    if (await waitFor(kafkaAnswers, { timeoutMs: patience })) {
      writePid(brokerPidFile, running);
      ok(`Kafka already running (pid ${running}) on 127.0.0.1:${broker}`);
      return;
    }
    warn(`our broker (pid ${running}) does not answer: restarting it`);
    await stopProcess(running);
    removePid(brokerPidFile);
    // The kernel releases the listeners a moment after the process is reaped.
    await waitFor(async () => !(await isPortOpen(broker)) && !(await isPortOpen(controller)), { timeoutMs: 10_000, intervalMs: 100 });
  }
  for (const port of [broker, controller]) {
    if (await isPortOpen(port)) {
      const owner = portOwner(port);
      const who = owner ? `pid ${owner}: ${cmdline(owner).slice(0, 120)}` : 'a process we cannot see';
      throw new StackError(`port ${port} is already in use by ${who}. Stop it, or set KAFKA_PORT / KAFKA_CONTROLLER_PORT.`);
    }
  }
  formatStorage(libs);
  await startBroker(libs);
}

const jvm = (libs) => [
  '-Xms256m',
  '-Xmx512m',
  // Kafka's own launcher defaults (kafka-run-class.sh).
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-Djava.awt.headless=true',
  `-Dlog4j2.configurationFile=${kafkaFiles.log4j}`,
  '-cp',
  join(libs, '*'), // the JVM expands the wildcard, not a shell
];

/**
 * Writes meta.properties once. --ignore-formatted would make a rerun a no-op
 * too, but skipping it saves a JVM start (~1.5 s) on every warm start.
 */
function formatStorage(libs) {
  if (existsSync(join(paths.kafkaData, 'meta.properties'))) return;
  const args = [...jvm(libs), 'kafka.tools.StorageTool', 'format', '--ignore-formatted', '-t', clusterId(), '-c', kafkaFiles.serverProperties];
  const r = spawnSync('java', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new StackError(`formatting Kafka storage failed:\n${(r.stdout + r.stderr).trim()}`);
}

async function startBroker(libs) {
  const started = Date.now();
  const { broker } = kafkaPorts();
  step(`starting Kafka on 127.0.0.1:${broker} (log: ${brokerLog})`);
  const child = spawnDetached({
    cmd: 'java',
    args: [...jvm(libs), 'kafka.Kafka', kafkaFiles.serverProperties],
    cwd: paths.state,
    logFile: brokerLog,
  });
  writePid(brokerPidFile, child.pid);
  const ready = await waitFor(async () => child.exitReason() !== null || ((await isPortOpen(broker)) && kafkaAnswers()), {
    timeoutMs: READY_TIMEOUT_MS,
    onWait: (s) => step(`waiting for Kafka… ${s}s`),
  });
  const exited = child.exitReason();
  if (exited) {
    removePid(brokerPidFile);
    throw new StackError(`Kafka exited during startup (${exited}). Last log lines:\n${tail(brokerLog)}`);
  }
  if (!ready) {
    throw new StackError(`Kafka did not become ready in ${READY_TIMEOUT_MS / 1000}s (pid ${child.pid} left running; "down" stops it). Last log lines:\n${tail(brokerLog)}`);
  }
  ok(`Kafka ready (pid ${child.pid}, ${elapsed(started)})`);
}

/** Controlled shutdown via SIGTERM; idempotent. */
export async function stopBroker() {
  const pid = brokerPid();
  if (!pid) {
    removePid(brokerPidFile);
    step('Kafka is not running');
    return;
  }
  const started = Date.now();
  step(`stopping Kafka (pid ${pid})`);
  const how = await stopProcess(pid, 60_000);
  removePid(brokerPidFile);
  (how === 'killed' ? warn : ok)(`Kafka ${how} (${elapsed(started)})`);
}
