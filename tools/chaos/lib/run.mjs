/** The run: broker, system, load and faults together, then settle, check and report. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { paths } from '../../stack/lib/config.mjs';
import { handleInterrupts, onInterrupt } from '../../bench/lib/cleanup.mjs';
import { buildServices } from '../../bench/lib/prepare.mjs';
import { removeBroker, restartBroker, startBroker } from './broker.mjs';
import { FaultInjector, faultSchedule } from './faults.mjs';
import { collect, evaluate, settled } from './invariants.mjs';
import { parseOptions } from './options.mjs';
import { seededRandom } from './random.mjs';
import { markdown, writeReport } from './report.mjs';
import { ChaosSystem, CONTEXTS } from './system.mjs';
import { canaryOrder, placeOrder, planOrders, runWorkload, stockFor, stockUp } from './workload.mjs';

const say = (msg) => console.log(`• ${msg}`);
const warn = (msg) => console.warn(`! ${msg}`);

/** @returns {Promise<number>} the exit code: 0 when no invariant was violated */
export async function main(argv, { runId, dir, startedAt }) {
  const opts = parseOptions(argv);
  if (opts.help) {
    console.log(opts.help);
    return 0;
  }
  const out = opts.out ?? dir;
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(out, { recursive: true });
  const random = seededRandom(opts.seed);
  say(`chaos run ${runId} (seed ${opts.seed}): ${opts.orders} orders at ${opts.rate}/s, ${opts.faults} faults of ${opts.kinds.join(', ')} → ${out}`);
  handleInterrupts(warn);
  if (opts.build) buildServices(CONTEXTS);

  say(`a broker of the run's own on ${paths.state} (127.0.0.1:${process.env.KAFKA_PORT})`);
  const undoBroker = onInterrupt(() => removeBroker({ keep: opts.keep }));
  await startBroker();
  const system = new ChaosSystem({ runId, logDir: join(dir, 'logs'), envFor: {}, log: say });
  const undoSystem = onInterrupt(() => system.stop({ keep: opts.keep }));
  const producer = system.kafka.producer({ allowAutoTopicCreation: false });
  /** @type {number} */
  let code;
  try {
    say('topics, databases and one replica of each service');
    await system.start();
    await producer.connect();

    const trials = new Map();
    const canaryTrials = [];
    let canaries = 0;
    const canary = async () => {
      const planned = canaryOrder(runId, ++canaries);
      const started = Date.now();
      let placed;
      const orderId = new Promise((resolve) => (placed = resolve));
      // The warehouse completes it later, like any other; what is measured is how soon it reached every context.
      const trial = placeOrder(system, planned, { onPlaced: placed }).then((result) => {
        trials.set(planned.key, result);
        placed(null);
      });
      canaryTrials.push(trial);
      const id = await orderId;
      if (!id) return null;
      return (await reachedEverywhere(system, id, 180_000)) ? (Date.now() - started) / 1000 : null;
    };
    const injector = new FaultInjector({ system, broker: { restart: restartBroker }, producer, random, log: warn, canary });
    const joined = await injector.consumersInGroups(120_000);
    if (joined !== true) warn(`not every consumer joined its group within 120 s (${joined}); starting anyway`);

    const orders = planOrders({ count: opts.orders, runId, random });
    const initialStock = stockFor(opts.orders + opts.faults);
    say(`stocking ${Object.keys(initialStock).length} SKUs through Fulfillment's route`);
    await stockUp(system, initialStock);
    const durationMs = (opts.orders / Math.max(opts.rate, 0.001)) * 1000;
    const schedule = faultSchedule({ count: opts.faults, durationMs, kinds: opts.kinds, random, eachKind: opts.quick });
    const loadStarted = Date.now();
    let accepted = 0;
    const ticker = setInterval(() => {
      const last = injector.done.at(-1);
      say(
        `${Math.round((Date.now() - loadStarted) / 1000)} s: ${accepted}/${orders.length} orders answered, ${injector.done.length}/${schedule.length} faults${last ? ` (last: ${last.kind} — ${last.outcome})` : ''}`,
      );
    }, 10_000);
    const [results] = await Promise.all([runWorkload({ system, orders, rate: opts.rate, progress: (n) => (accepted = n) }), injector.run(schedule, loadStarted)]);
    clearInterval(ticker);
    for (const [key, result] of results) trials.set(key, result);
    await Promise.all(canaryTrials);
    say(`load and faults done after ${Math.round((Date.now() - loadStarted) / 1000)} s; recovering and waiting for the system to settle (up to ${opts.settleMs / 1000} s)`);
    await injector.recover();

    const settleStarted = Date.now();
    let state = await settled(system).catch(() => null);
    while (!state?.done && Date.now() - settleStarted < opts.settleMs) {
      await sleep(2_000);
      state = await settled(system).catch(() => state);
    }
    const settleSeconds = (Date.now() - settleStarted) / 1000;
    say(
      state?.done
        ? `settled in ${settleSeconds.toFixed(0)} s`
        : `not settled after ${settleSeconds.toFixed(0)} s: ${state?.open} orders open, ${state?.outbox} outbox rows, ${state?.lag} messages unconsumed`,
    );

    const snapshot = await collect(system);
    const violations = evaluate({ snapshot, trials, initialStock, poisonKeys: injector.poisonKeys, resumes: injector.resumes, settledState: state, crashes: system.crashes });
    const result = {
      run: {
        runId,
        seed: opts.seed,
        startedAt: startedAt.toISOString(),
        orders: opts.orders,
        rate: opts.rate,
        kinds: opts.kinds,
        durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
        settleSeconds,
        git: gitHead(),
      },
      trials: [...trials.entries()].map(([key, trial]) => ({ key, ...trial })),
      data: summarize(snapshot),
      faults: injector.done,
      resumes: injector.resumes,
      crashes: system.crashes,
      violations,
    };
    writeReport(out, result);
    console.log(`\n${markdown(result)}\n`);
    say(`report: ${join(out, 'report.md')}`);
    code = violations.length === 0 ? 0 : 1;
  } finally {
    await producer.disconnect().catch(() => undefined);
    undoSystem();
    await system.stop({ keep: opts.keep }).catch((error) => warn(`stopping the system: ${error.message}`));
    undoBroker();
    await removeBroker({ keep: opts.keep }).catch((error) => warn(`stopping the broker: ${error.message}`));
    if (!opts.keep) rmSync(paths.state, { recursive: true, force: true });
  }
  return code;
}

/** Every consumer downstream handled the order: Fulfillment's reservation, Finance's deferred revenue, Support's view. */
async function reachedEverywhere(system, orderId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const has = async (ctx, sql) => (await system.pools[ctx].query(sql, [orderId]).catch(() => ({ rows: [] }))).rows.length > 0;
  while (Date.now() < deadline) {
    const [shipment, revenue, view] = await Promise.all([
      has('fulfillment', "SELECT 1 FROM reservations WHERE order_id = $1 AND status <> 'cancelled'"),
      has('finance', "SELECT 1 FROM revenue_events WHERE order_id = $1 AND kind = 'deferred'"),
      has('support', "SELECT 1 FROM case_order_views WHERE order_id = $1 AND view->>'status' <> 'placed'"),
    ]);
    if (shipment && revenue && view) return true;
    await sleep(250);
  }
  return false;
}

/** What each context holds at the end, counted (the rows themselves stay in the databases with --keep). */
function summarize(snapshot) {
  const ends = {};
  for (const order of snapshot.orders) {
    const end = `${order.status}${order.reason ? ` (${order.reason})` : ''}`;
    ends[end] = (ends[end] ?? 0) + 1;
  }
  return {
    orders: snapshot.orders.length,
    ends,
    shipments: snapshot.shipments.length,
    reservations: snapshot.reservations.length,
    ledgerEntries: snapshot.ledger.length,
    invoices: snapshot.invoices.length,
    supportViews: snapshot.views.length,
    deadLetters: Object.fromEntries(Object.entries(snapshot.deadLetters).map(([ctx, letters]) => [ctx, letters.length])),
  };
}

function gitHead() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: paths.repoRoot, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}
