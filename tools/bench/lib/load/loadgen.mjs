/**
 * The load generator, run as its own process so its CPU is measured apart and its event loop is
 * not shared with the samplers. Receives one plan over IPC, reports progress every second, answers
 * with the summary and the ids of the orders accepted in the measured window.
 */
import { closedLoop } from './closed-loop.mjs';
import { httpClient } from './http-client.mjs';
import { openLoop } from './open-loop.mjs';
import { summarize } from '../stats.mjs';
import { mintToken, signingKey } from '../../../stack/lib/issuer.mjs';

/** @typedef {{ urls: string[], mode: 'open'|'closed', rate?: number, connections: number, warmupMs: number,
 *              durationMs: number, prefix: string, timeoutMs: number, issuer: string }} LoadPlan */

process.once('message', async (/** @type {LoadPlan} */ plan) => {
  const client = await httpClient({ urls: plan.urls, connections: plan.connections, timeoutMs: plan.timeoutMs });
  const cpuBefore = process.cpuUsage();
  let recorder;
  const progress = setInterval(() => recorder && process.send?.({ type: 'progress', ...snapshot(recorder) }), 1000);
  // Each order comes from its own buyer with a token of the run's issuer, as independent buyers would.
  const key = signingKey();
  const tokenFor = (buyerId) => mintToken({ role: 'buyer', subject: buyerId, issuer: plan.issuer, key });
  const common = { client, warmupMs: plan.warmupMs, durationMs: plan.durationMs, prefix: plan.prefix, tokenFor, onStart: (r) => (recorder = r) };
  const run = plan.mode === 'open' ? openLoop({ ...common, rate: plan.rate ?? 1 }) : closedLoop({ ...common, connections: plan.connections });
  recorder = await run;
  clearInterval(progress);
  client.close();
  const cpu = process.cpuUsage(cpuBefore);
  const toEpoch = (t) => Math.round(performance.timeOrigin + t);
  process.send?.(
    {
      type: 'result',
      client: client.kind,
      windowStart: toEpoch(recorder.windowStart),
      windowEnd: toEpoch(recorder.windowEnd),
      total: recorder.total,
      scheduledInWindow: recorder.scheduledInWindow,
      acceptedInWindow: recorder.acceptedInWindow,
      statuses: recorder.statuses,
      errors: recorder.errors,
      maxInflight: recorder.maxInflight,
      latency: summarize(recorder.latencies),
      serviceTime: summarize(recorder.serviceTimes),
      sendLag: summarize(recorder.sendLags),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      orderIds: recorder.orderIds,
    },
    () => process.exit(0),
  );
});

function snapshot(r) {
  return { sent: r.total.sent, done: r.total.done, ok: r.total.ok, failed: r.total.failed, inflight: r.inflight };
}
