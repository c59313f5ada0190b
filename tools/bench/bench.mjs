#!/usr/bin/env node
/**
 * `npm run bench`: Bazaar's throughput and latency against this machine's own ceilings.
 * Usage and the meaning of every number: docs/benchmark.md (or --help).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../stack/lib/config.mjs';
import { httpCeiling } from './lib/ceilings/http-bare.mjs';
import { kafkaCeiling } from './lib/ceilings/kafka-perf.mjs';
import { pgbenchCeiling } from './lib/ceilings/pgbench.mjs';
import { handleInterrupts, interruptCleanup } from './lib/cleanup.mjs';
import { say, warn } from './lib/log.mjs';
import { exampleMessage, gitInfo, loadAverage, machineInfo, realMessage } from './lib/meta.mjs';
import { backlogSampler } from './lib/observe/backlog.mjs';
import { databaseWorkSampler } from './lib/observe/database-work.mjs';
import { resourceSampler } from './lib/observe/resources.mjs';
import { parseOptions } from './lib/options.mjs';
import { buildServices, ensureInfrastructure } from './lib/prepare.mjs';
import { processGroups } from './lib/process-groups.mjs';
import { profileSummaries, startProfilers, withProfiling } from './lib/profile/profiling.mjs';
import { consoleSummary } from './lib/report/console.mjs';
import { headline } from './lib/report/headline.mjs';
import { writeResults } from './lib/report/write.mjs';
import { runStep } from './lib/steps.mjs';
import { poolFor, serverSettings } from './lib/system/databases.mjs';
import { CONTEXTS, startSystem } from './lib/system/system.mjs';

async function main(argv) {
  const opts = parseOptions(argv);
  if (opts.help) return console.log(opts.help);
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/\D/g, '').slice(2, 14)}${Math.random().toString(36).slice(2, 5)}`;
  const dir = opts.out ?? join(paths.repoRoot, 'bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19)}-${opts.mode}`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const machine = machineInfo();
  say(`bench ${opts.mode} run ${runId} → ${dir} (load average ${machine.loadAvgStart} on ${machine.cores} cores)`);
  if (Number(machine.loadAvgStart) >= 1) warn('the machine is busy (1-minute load ≥ 1): numbers will be contaminated by other work');

  handleInterrupts(warn);
  await ensureInfrastructure(say);
  if (opts.build) buildServices(CONTEXTS);
  const result = {
    tool: 'bazaar-bench',
    format: 1,
    mode: opts.mode,
    label: opts.label,
    runId,
    startedAt: startedAt.toISOString(),
    machine,
    git: gitInfo(),
    postgres: await serverSettings(),
  };
  result.settings = { env: opts.env, envFor: opts.envFor, replicas: opts.replicas, stepWarmupMs: opts.stepWarmupMs, stepMs: opts.stepMs, keepUpDrainMs: opts.keepUpDrainMs };
  result.ceilings = opts.ceilings
    ? { pgbench: await pgbenchCeiling({ runId, dir, seconds: opts.ceilings.pgbenchSeconds, clients: opts.ceilings.pgbenchClients, message: exampleMessage(), log: say }) }
    : null;
  if (opts.ceilings) {
    say(`HTTP ceiling: bare Fastify, closed loop, ${opts.closed?.connections ?? 64} connections`);
    result.ceilings.http = await httpCeiling({
      connections: opts.closed?.connections ?? 64,
      warmupMs: Math.min(opts.ceilings.httpMs, 5000),
      durationMs: opts.ceilings.httpMs,
      timeoutMs: opts.requestTimeoutMs,
    });
  }

  const system = await startSystem({ runId, logDir: join(dir, 'logs'), env: opts.env, envFor: withProfiling(opts, dir), replicas: opts.replicas, log: say });
  const loadgenPids = new Set();
  const resources = resourceSampler(processGroups(system, loadgenPids));
  const adminPool = poolFor('postgres');
  const database = databaseWorkSampler(adminPool, Object.fromEntries(CONTEXTS.map((c, i) => [c, system.databases[i]])), system.services);
  const backlog = backlogSampler({ databases: system.pools, admin: system.admin }, system.groupIds);
  for (const sampler of [resources, backlog, database]) sampler.start();
  const ctx = { system, resources, backlog, database, loadgenPids, opts };
  try {
    say(`warm-up: ${opts.warmup.rate} orders/s for ${opts.warmup.ms / 1000}s`);
    result.warmup = await runStep({ name: 'warm-up', mode: 'open', rate: opts.warmup.rate, connections: 256, warmupMs: 0, durationMs: opts.warmup.ms }, ctx);
    startProfilers(opts, dir);
    const message = await realMessage(system.pools.checkout);
    result.message = message && { valueBytes: message.valueBytes, headerBytes: message.headerBytes };
    if (opts.ceilings) {
      const c = opts.ceilings;
      result.ceilings.kafka = await kafkaCeiling({
        admin: system.admin,
        topic: `${system.prefix}producer-performance`,
        recordSize: message?.valueBytes ?? 1024,
        maxRecords: c.kafkaMaxRecords,
        fixedRate: c.kafkaFixedRate,
        fixedRecords: c.kafkaFixedRecords,
        log: say,
      });
    }
    say(`idle: ${opts.idleMs / 1000}s without load (what the system costs doing nothing)`);
    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, opts.idleMs));
    result.idle = { seconds: opts.idleMs / 1000, resources: resources.summarize(idleFrom, Date.now()), pipeline: backlog.summarize(idleFrom, Date.now()) };
    result.steps = [];
    for (const rate of opts.steps) {
      say(`step ${rate} orders/s: ${opts.stepWarmupMs / 1000}s warm-up + ${opts.stepMs / 1000}s measured`);
      const step = await runStep({ name: `${rate}/s`, mode: 'open', rate, connections: 256, warmupMs: opts.stepWarmupMs, durationMs: opts.stepMs }, ctx);
      result.steps.push(step);
      say(stepLine(step));
      if (!step.keptUp.sustained) break;
    }
    const drained = result.steps.at(-1)?.drain.drained ?? true;
    if (opts.closed && drained) {
      say(`closed loop: ${opts.closed.connections} connections, ${opts.closed.warmupMs / 1000}s warm-up + ${opts.closed.ms / 1000}s measured`);
      result.closed = await runStep(
        { name: `closed ${opts.closed.connections}`, mode: 'closed', connections: opts.closed.connections, warmupMs: opts.closed.warmupMs, durationMs: opts.closed.ms },
        ctx,
      );
      say(stepLine(result.closed));
    } else result.closed = null;
    const loadStart = result.warmup.window.start;
    result.cpuOverRun = resources.summarize(loadStart, Date.now());
    result.peakMemoryMb = peakMemory(resources);
  } finally {
    for (const sampler of [resources, backlog, database]) await sampler.stop();
    await adminPool.end();
    say(opts.keep ? `stopping the services; keeping databases bench_${runId}_* and topics ${system.prefix}*` : "stopping the services, dropping the run's databases and topics");
    await system.stop({ keep: opts.keep });
  }
  result.machine.loadAvgEnd = loadAverage();
  result.finishedAt = new Date().toISOString();
  // Judged on the measured windows only: the Kafka ceiling's JVM counts as "other" outside them.
  result.contaminated = [...result.steps, result.closed].some((s) => (s?.resources.other.cpuCores ?? 0) > 0.25);
  result.loadClient = result.warmup.http.client;
  result.profiles = profileSummaries(opts, dir);
  result.headline = headline(result);
  const files = writeResults(dir, result, { resources: resources.samples, backlog: backlog.samples });
  consoleSummary(result, files);
}

function stepLine(s) {
  const e = s.e2e.latencyMs;
  return `${s.name}: ${s.acceptedPerSecond} accepted/s, ${s.errors} errors, HTTP p99 ${s.http.latencyMs.p99} ms, e2e p99 ${e.fulfillment.p99}/${e.confirmed?.p99}/${e.finance.p99}/${e.support.p99} ms (fulfillment/confirmed/finance/support), drain ${s.drain.drained ? `${(s.drain.ms / 1000).toFixed(1)}s` : 'never'}, other processes ${s.resources.other.cpuCores} cores → ${s.keptUp.sustained ? 'kept up' : s.mode === 'closed' ? 'maximum' : 'did not keep up'}`;
}

/** Peak RSS (VmHWM) of single processes, peak PSS sum for PostgreSQL, over the samples. */
function peakMemory(resources) {
  const out = {};
  for (const sample of resources.samples) {
    for (const [name, v] of Object.entries(sample)) {
      if (!v || typeof v !== 'object' || !('memoryMb' in v)) continue;
      out[name] = Math.max(out[name] ?? 0, Math.round(v.peakRssMb ?? v.memoryMb));
    }
  }
  return out;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    console.error(`✗ ${err?.stack ?? err}`);
    interruptCleanup().then(() => process.exit(1));
  },
);
