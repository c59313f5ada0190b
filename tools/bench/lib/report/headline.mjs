/** The few numbers a reader wants first, derived from the steps and ceilings, with the ratios. */
import { ratio } from '../stats.mjs';

export const GOALS = { sustainedOrdersPerSecond: 3200, httpP99Ms: 50, e2eP99Ms: 250, serviceRssMb: 150 };
const DOWNSTREAM = ['fulfillment', 'finance', 'support'];

/** The slowest downstream context's p99: when an order has reached every context. */
export const e2eP99 = (step) => {
  const values = DOWNSTREAM.map((c) => step?.e2e.latencyMs[c]?.p99).filter((v) => v !== null && v !== undefined);
  return values.length ? Math.max(...values) : null;
};

export function headline(result) {
  const sustained = result.steps.filter((s) => s.keptUp.sustained);
  const best = sustained.reduce((a, s) => (!a || s.acceptedPerSecond > a.acceptedPerSecond ? s : a), null);
  const at500 = result.steps.find((s) => s.targetRate === 500) ?? null;
  const pgRuns = (result.ceilings?.pgbench?.runs ?? []).filter((r) => (r.variant ?? 'statements') === 'statements');
  const pg16 = pgRuns.find((r) => r.clients === 16) ?? pgRuns.at(-1);
  const kafkaP99 = result.ceilings?.kafka?.fixedRate?.latencyMs?.p99 ?? null;
  const bare = result.ceilings?.http?.requestsPerSecond ?? null;
  const services = ['checkout', 'fulfillment', 'finance', 'support'];
  return {
    maxSustained: best ? { step: best.name, targetRate: best.targetRate, acceptedPerSecond: best.acceptedPerSecond } : null,
    closedLoop: result.closed
      ? { acceptedPerSecond: result.closed.acceptedPerSecond, httpP99Ms: result.closed.http.latencyMs.p99, allDownstream: result.closed.keptUp.downstream }
      : null,
    at500: at500 && pick(at500),
    atMax: best && pick(best),
    ratios: {
      checkoutMaxOverPgbench16: ratio(result.closed?.acceptedPerSecond, pg16?.tps),
      sustainedOverPgbench16: ratio(best?.acceptedPerSecond, pg16?.tps),
      checkoutMaxOverBareFastify: ratio(result.closed?.acceptedPerSecond, bare),
      e2eP99OverKafkaP99At500: ratio(e2eP99(at500), kafkaP99, 1),
      e2eP99OverKafkaP99AtMax: ratio(e2eP99(best), kafkaP99, 1),
    },
    goals: {
      sustained: best ? best.acceptedPerSecond >= GOALS.sustainedOrdersPerSecond : false,
      httpP99AtMax: best ? best.http.latencyMs.p99 <= GOALS.httpP99Ms : false,
      e2eP99AtMax: best ? (e2eP99(best) ?? Infinity) <= GOALS.e2eP99Ms : false,
      serviceRss: services.every((s) => (result.peakMemoryMb?.[s] ?? Infinity) <= GOALS.serviceRssMb),
    },
  };
}

function pick(step) {
  return {
    step: step.name,
    acceptedPerSecond: step.acceptedPerSecond,
    httpMs: step.http.latencyMs,
    e2eP99Ms: Object.fromEntries(DOWNSTREAM.map((c) => [c, step.e2e.latencyMs[c]?.p99 ?? null])),
    slowestE2eP99Ms: e2eP99(step),
  };
}
