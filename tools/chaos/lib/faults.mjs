/**
 * The faults: what each kind does, and the schedule that spreads them over the run. Recoveries
 * happen as they would in production: a killed replica is replaced (as Kubernetes restarts a
 * pod), a frozen one resumes, a restarted broker comes back; nothing else helps the system.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { consumerPositions } from './invariants.mjs';
import { CONTEXTS } from './system.mjs';

/** Kinds and their weight in a mixed schedule (a broker restart takes the longest, so it is the rarest). */
export const FAULT_WEIGHTS = /** @type {const} */ ({
  kill: 22, // SIGKILL a replica; a new one starts a moment later
  pause: 16, // SIGSTOP a replica for 1–8 s (one in ten for 11–20 s, past the session timeout), then SIGCONT
  'db-terminate': 26, // pg_terminate_backend on every connection of a service's database
  'scale-up': 11, // one more replica (at most three)
  'scale-down': 11, // SIGTERM a replica (the last one is replaced first)
  'broker-restart': 2, // the broker stopped (controlled shutdown) and started again
  'broker-kill': 1, // the broker SIGKILLed and started again
  poison: 11, // a message that is not an event, on checkout.orders: every consumer of it (not Checkout) must park it
});
export const FAULT_KINDS = Object.keys(FAULT_WEIGHTS);
const BROKER_FAULTS = new Set(['broker-restart', 'broker-kill']);
const MAX_REPLICAS = 3;

/** @typedef {{ atMs: number, kind: string, ctx: string | null, holdMs: number }} PlannedFault */

/**
 * `count` faults of the given kinds at random times within `durationMs` (sorted), each aimed at a
 * random service (none for the broker and poison). With `eachKind`, the first faults drawn are one
 * of every kind (a short run then still tries them all). @returns {PlannedFault[]}
 */
export function faultSchedule({ count, durationMs, kinds, random, eachKind = false }) {
  const weighted = kinds.map((kind) => [kind, FAULT_WEIGHTS[kind]]);
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  const faults = Array.from({ length: count }, (_, i) => {
    let draw = random.next() * total;
    const [kind] = eachKind && i < kinds.length ? [kinds[i]] : (weighted.find(([, weight]) => (draw -= weight) < 0) ?? weighted[0]);
    const targetless = BROKER_FAULTS.has(kind) || kind === 'poison';
    // Mostly short freezes; one in ten outlasts the consumer session (10 s in a chaos run), so the group rebalances.
    const holdMs = kind === 'pause' ? (random.chance(0.1) ? random.int(11_000, 20_000) : random.int(1_000, 8_000)) : kind === 'kill' ? random.int(200, 3_000) : 0;
    return { atMs: Math.round(random.next() * durationMs), kind, ctx: targetless ? null : random.pick(CONTEXTS), holdMs };
  });
  return faults.sort((a, b) => a.atMs - b.atMs);
}

/**
 * Injects faults as the schedule says, in two lanes: the broker's (a restart takes a while, and the
 * next one waits for it) and the processes' (kills, freezes, terminated connections, scaling,
 * poison), so the processes keep being hit while the broker restarts. Answers the log of what was
 * done, and how long consumers took to resume after each broker restart.
 */
export class FaultInjector {
  /** @type {{ atMs: number, kind: string, target: string, injected: boolean, outcome: string }[]} */
  done = [];
  /** @type {Promise<unknown>[]} */
  #recoveries = [];
  #poisons = 0;
  /** Keys of the poison messages sent, each to be parked once by every consumer of checkout.orders (Fulfillment, Finance, Support). */
  poisonKeys = [];
  /** Seconds each broker restart took until every consumer was back in its group. */
  resumes = [];

  /**
   * @param {{ system: import('./system.mjs').ChaosSystem, broker: { restart: (o: { hard: boolean }) => Promise<void> },
   *           producer: import('kafkajs').Producer, random: ReturnType<import('./random.mjs').seededRandom>, log: (msg: string) => void,
   *           canary: () => Promise<number | null> }} o
   * `canary` places an order and answers the seconds until every consumer downstream has handled it (null: not within 180 s).
   */
  constructor({ system, broker, producer, random, log, canary }) {
    this.system = system;
    this.broker = broker;
    this.producer = producer;
    this.random = random;
    this.log = log;
    this.canary = canary;
  }

  async run(schedule, startedAt) {
    const lane = async (faults) => {
      for (const fault of faults) {
        const wait = startedAt + fault.atMs - Date.now();
        if (wait > 0) await sleep(wait);
        const { injected, outcome } = await this.inject(fault).catch((error) => ({ injected: false, outcome: `failed: ${error.message ?? error}` }));
        this.done.push({ atMs: Date.now() - startedAt, kind: fault.kind, target: fault.ctx ?? (fault.kind === 'poison' ? 'checkout.orders' : 'broker'), injected, outcome });
      }
    };
    await Promise.all([lane(schedule.filter((f) => BROKER_FAULTS.has(f.kind))), lane(schedule.filter((f) => !BROKER_FAULTS.has(f.kind)))]);
  }

  /** Waits for the replacements and resumes still under way, then makes sure every service has a replica serving. */
  async recover() {
    await Promise.allSettled(this.#recoveries);
    for (const ctx of CONTEXTS) {
      for (const replica of this.system.alive(ctx)) this.system.resume(replica);
      if (this.system.serving(ctx).length === 0) await this.system.addReplica(ctx);
    }
  }

  /** @returns {Promise<{ injected: boolean, outcome: string }>} */
  async inject({ kind, ctx, holdMs }) {
    const { system } = this;
    const did = (outcome) => ({ injected: true, outcome });
    const skipped = (outcome) => ({ injected: false, outcome });
    switch (kind) {
      case 'kill': {
        const replica = this.random.pick(system.alive(ctx));
        if (!replica) return skipped(`no ${ctx} replica to kill`);
        await system.kill(replica);
        this.later(holdMs, () => system.addReplica(ctx));
        return did(`${ctx}#${replica.n} killed, replaced after ${holdMs} ms`);
      }
      case 'pause': {
        const replica = this.random.pick(system.serving(ctx));
        if (!replica || !system.pause(replica)) return skipped(`no ${ctx} replica serving to freeze`);
        this.later(holdMs, () => system.resume(replica));
        return did(`${ctx}#${replica.n} frozen for ${holdMs} ms`);
      }
      case 'db-terminate':
        return did(`${await system.terminateConnections(ctx)} connections of ${ctx} terminated`);
      case 'scale-up': {
        if (system.alive(ctx).length >= MAX_REPLICAS) return skipped(`${ctx} already has ${MAX_REPLICAS} replicas`);
        this.later(0, () => system.addReplica(ctx));
        return did(`${ctx} scaled up to ${system.alive(ctx).length + 1}`);
      }
      case 'scale-down': {
        const replica = this.random.pick(system.alive(ctx).filter((r) => r.state !== 'starting'));
        if (!replica) return skipped(`no ${ctx} replica up to remove`);
        // A frozen replica only sees SIGTERM once it runs again. The last one is replaced as a rolling
        // update would: the new replica first, then the old one goes.
        system.resume(replica);
        const last = system.alive(ctx).length <= 1;
        this.later(0, async () => {
          if (last) await system.addReplica(ctx);
          await system.remove(replica);
        });
        return did(last ? `${ctx}#${replica.n} replaced by a new replica, then stopped` : `${ctx}#${replica.n} scaled away`);
      }
      case 'broker-restart':
      case 'broker-kill': {
        const started = Date.now();
        await this.broker.restart({ hard: kind === 'broker-kill' });
        const brokerBack = (Date.now() - started) / 1000;
        const consumers = await this.consumersInGroups(180_000);
        const consumersBack = consumers === true ? (Date.now() - started) / 1000 : null;
        // The proof that consumers resumed by themselves: every group with messages waiting commits again.
        const progress = await this.consumersProgressing(180_000);
        const progressBack = progress === true ? (Date.now() - started) / 1000 : null;
        // And how soon a new order goes all the way through: behind whatever backlog the restart left.
        const flow = await this.canary();
        const flowBack = flow === null ? null : (Date.now() - started) / 1000;
        this.resumes.push({ kind, brokerBack, consumersBack, progressBack, flowBack, ...(progress === true ? {} : { stuck: progress }) });
        return did(
          `broker back in ${brokerBack.toFixed(1)} s; consumers in their groups ${consumersBack === null ? `NOT within 180 s (${consumers})` : `after ${consumersBack.toFixed(1)} s`}, consuming ${progressBack === null ? `NOT within 180 s (${progress})` : `after ${progressBack.toFixed(1)} s`}; a new order through every context ${flowBack === null ? 'NOT within 180 s' : `after ${flowBack.toFixed(1)} s`}`,
        );
      }
      case 'poison': {
        const key = `poison-${system.runId}-${++this.#poisons}`;
        await this.untilSent(() => this.producer.send({ topic: system.topic('checkout.orders'), acks: -1, messages: [{ key, value: `this is not an event {${key}` }] }));
        this.poisonKeys.push(key);
        return did(`${key} sent`);
      }
      default:
        throw new Error(`unknown fault kind ${kind}`);
    }
  }

  /** True once every replica serving reports its consumer in its group (`/health/kafka`); else, after the deadline, who did not. */
  async consumersInGroups(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let missing = 'no replica serving';
    while (Date.now() < deadline) {
      const replicas = CONTEXTS.flatMap((ctx) => this.system.serving(ctx));
      const phases = await Promise.all(replicas.map((replica) => consumerPhase(replica.url)));
      if (replicas.length > 0 && phases.every((phase) => phase === 'consuming')) return true;
      missing = replicas.flatMap((replica, i) => (phases[i] === 'consuming' ? [] : [`${replica.ctx}#${replica.n} ${phases[i] ?? 'no answer'}`])).join(', ');
      await sleep(500);
    }
    return missing;
  }

  /**
   * True once every context's group is either caught up or has committed past where it stood when
   * this began (it handles messages again); else, after the deadline, the groups that did neither.
   */
  async consumersProgressing(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let before = await consumerPositions(this.system).catch(() => null);
    let stuck = 'positions not readable';
    while (Date.now() < deadline) {
      await sleep(1_000);
      const now = await consumerPositions(this.system).catch(() => null);
      if (!now) continue;
      if (!before) {
        before = now;
        continue;
      }
      const waiting = CONTEXTS.filter((ctx) => now[ctx].lag > 0 && now[ctx].committed <= before[ctx].committed);
      if (waiting.length === 0) return true;
      stuck = waiting.map((ctx) => `${ctx} ${now[ctx].lag} behind, no commit`).join(', ');
    }
    return stuck;
  }

  later(ms, action) {
    this.#recoveries.push(
      sleep(ms)
        .then(action)
        .catch((error) => this.log(`recovery failed: ${error.message ?? error}`)),
    );
  }

  async untilSent(send) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (attempt >= 60) throw error;
        await sleep(1_000);
      }
    }
  }
}

/** A replica's consumer phase from `/health/kafka`; null when the replica does not answer (frozen, gone). */
async function consumerPhase(url) {
  try {
    const response = await fetch(`${url}/health/kafka`, { signal: AbortSignal.timeout(5_000) });
    const body = await response.json();
    return body?.consumer?.phase ?? null;
  } catch {
    return null;
  }
}
