/**
 * One load step: drive Checkout (open or closed loop), wait until every accepted order is reserved
 * with a shipment in Fulfillment, confirmed by Checkout, and has reached Finance and Support, then
 * measure it from the services' rows and the samplers.
 */
import { endToEnd, pipelineCounts } from './observe/e2e.mjs';
import { runLoad } from './load/run-load.mjs';
import { endProgress, progress } from './log.mjs';
import { round } from './stats.mjs';

/**
 * @param {{ name: string, mode: 'open'|'closed', rate?: number, connections: number, warmupMs: number, durationMs: number }} spec
 * @param {{ system: any, resources: any, backlog: any, database: any, loadgenPids: Set<number>, opts: any }} ctx
 */
export async function runStep(spec, { system, resources, backlog, database, loadgenPids, opts }) {
  // Every Checkout replica takes its turn (round robin), as a load balancer in front of them would.
  const urls = system.services.filter((s) => s.name === 'checkout').map((s) => `${s.url}/orders`);
  // The prefix names idempotency keys and buyers (token subjects): letters, digits, . _ - only.
  const plan = {
    urls,
    prefix: `${system.runId}-${spec.name.replace(/[^\w.-]+/g, '_')}`,
    timeoutMs: opts.requestTimeoutMs,
    issuer: system.issuer.url,
    ...spec,
  };
  const total = (spec.warmupMs + spec.durationMs) / 1000;
  const started = Date.now();
  const load = await runLoad(plan, {
    onStart: (pid) => loadgenPids.add(pid),
    onProgress: (p) =>
      progress(
        `${spec.name}  ${Math.round((Date.now() - started) / 1000)}s/${total}s  sent ${p.sent}  ok ${p.ok}  failed ${p.failed}  in flight ${p.inflight}${pipelineLine(backlog)}`,
      ),
  });
  const loadEnded = Date.now();
  const deadline = loadEnded + opts.drainTimeoutMs;
  const drain = await waitDrained(system.pools, deadline, (c) =>
    progress(`${spec.name}  draining: placed ${c.placed}  fulfillment ${c.fulfillment}  confirmed ${c.confirmed}  finance ${c.finance}  support ${c.support}`),
  );
  // The counts are cheap but approximate for Support: the exact word is every order's own rows.
  let e2e = await endToEnd(system.pools, load.orderIds);
  while (drain.drained && e2e.reached.all < e2e.orders && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    e2e = await endToEnd(system.pools, load.orderIds);
    drain.at = Date.now();
  }
  endProgress();
  drain.drained &&= e2e.reached.all === e2e.orders;
  const drainMs = drain.drained ? drain.at - loadEnded : null;
  const seconds = spec.durationMs / 1000;
  const errors = Object.values(load.errors).reduce((s, n) => s + n, 0);
  const accepted = round(load.acceptedInWindow / seconds);
  const httpKeptUp = spec.mode === 'closed' || (accepted >= 0.95 * spec.rate && errors <= 0.01 * load.scheduledInWindow);
  const downstreamKeptUp = drain.drained && drainMs <= opts.keepUpDrainMs && e2e.reached.all === e2e.orders;
  return {
    name: spec.name,
    mode: spec.mode,
    targetRate: spec.rate ?? null,
    connections: spec.connections,
    measuredSeconds: seconds,
    window: { start: load.windowStart, end: load.windowEnd },
    acceptedPerSecond: accepted,
    requests: load.scheduledInWindow,
    errors,
    errorsByKind: load.errors,
    http: { latencyMs: load.latency, serviceTimeMs: load.serviceTime, sendLagMs: load.sendLag, maxInFlight: load.maxInflight, client: load.client },
    e2e,
    drain: { drained: drain.drained, ms: drainMs, counts: drain.counts },
    pipeline: backlog.summarize(load.windowStart, load.windowEnd),
    resources: resources.summarize(load.windowStart, load.windowEnd),
    databasePerOrder: database.perOrder(load.windowStart, load.windowEnd, load.acceptedInWindow),
    loadgenCpuSeconds: load.cpuSeconds,
    keptUp: { http: httpKeptUp, downstream: downstreamKeptUp, sustained: httpKeptUp && downstreamKeptUp },
  };
}

/** Polls cheap counts until every placed order is in all three downstream contexts and confirmed, or the deadline. */
export async function waitDrained(pools, deadline, onWait) {
  let counts;
  for (;;) {
    counts = await pipelineCounts(pools);
    if (['fulfillment', 'confirmed', 'finance', 'support'].every((stage) => counts[stage] >= counts.placed)) return { drained: true, at: Date.now(), counts };
    if (Date.now() > deadline) return { drained: false, at: Date.now(), counts };
    onWait?.(counts);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function pipelineLine(backlog) {
  const last = backlog.samples.at(-1);
  if (!last?.outbox) return '';
  const o = last.outbox;
  const l = last.lag;
  return `  | outbox ${o.checkout}/${o.fulfillment}/${o.finance}  lag ${l.checkout}/${l.fulfillment}/${l.finance}/${l.support}`;
}
