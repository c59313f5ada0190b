/** Modes and command-line options. Every duration is in milliseconds. */
import { parseArgs } from 'node:util';

// Low rates first: on a 2-core box the whole pipeline tops out below 100 orders/s today; the run
// stops after the first step that does not keep up, so the long tail costs nothing until it is needed.
const FULL_STEPS = [25, 50, 75, 100, 150, 200, 250, 350, 500, 750, 1000, 1500, 2000, 2500, 3200, 4000, 5000];

export const MODES = {
  /** Seconds, tiny load: proves the tool end to end (the test suite runs it). */
  smoke: {
    warmup: { rate: 20, ms: 2000 },
    idleMs: 2000,
    steps: [20],
    stepWarmupMs: 500,
    stepMs: 3000,
    closed: { connections: 4, warmupMs: 500, ms: 2000 },
    ceilings: { pgbenchSeconds: 1, pgbenchClients: [1, 4], kafkaMaxRecords: 2000, kafkaFixedRate: 200, kafkaFixedRecords: 400, httpMs: 1500 },
    keepUpDrainMs: 10_000,
    drainTimeoutMs: 60_000,
  },
  /** One to two minutes of load, for development. */
  quick: {
    warmup: { rate: 50, ms: 5000 },
    idleMs: 5000,
    steps: [25, 50, 100, 250, 500],
    stepWarmupMs: 2000,
    stepMs: 8000,
    closed: { connections: 64, warmupMs: 2000, ms: 8000 },
    ceilings: { pgbenchSeconds: 5, pgbenchClients: [1, 16], kafkaMaxRecords: 100_000, kafkaFixedRate: 1000, kafkaFixedRecords: 5000, httpMs: 5000 },
    keepUpDrainMs: 5000,
    drainTimeoutMs: 60_000,
  },
  /** What the numbers in docs/benchmark.md come from: 45 s measured per step after 10 s warm-up. */
  full: {
    warmup: { rate: 50, ms: 20_000 },
    idleMs: 20_000,
    steps: FULL_STEPS,
    stepWarmupMs: 10_000,
    stepMs: 45_000,
    closed: { connections: 64, warmupMs: 10_000, ms: 45_000 },
    ceilings: { pgbenchSeconds: 30, pgbenchClients: [1, 16], kafkaMaxRecords: 1_000_000, kafkaFixedRate: 1000, kafkaFixedRecords: 30_000, httpMs: 30_000 },
    keepUpDrainMs: 5000,
    drainTimeoutMs: 180_000,
  },
};

const HELP = `usage: npm run bench [-- options]

  --full (default) | --quick | --smoke   how long: ~15 min | ~2 min of load | seconds
  --steps 100,250,500      open-loop order rates (orders/s) instead of the mode's
  --step-seconds N         measured seconds per step and for the closed loop (plus the mode's warm-up)
  --connections N          closed-loop connections (default 64)
  --no-closed              skip the closed-loop maximum
  --no-ceilings            skip pgbench, ProducerPerformance and the bare Fastify run
  --no-build               use the existing dist/apps build
  --keep                   keep the run's databases and topics for inspection
  --env KEY=VALUE          service setting for every service (repeatable), e.g. OUTBOX_BATCH_SIZE=512
  --env ctx:KEY=VALUE      service setting for one context, e.g. checkout:DATABASE_POOL_SIZE=20
  --replicas N | ctx:N[,ctx:N]
                           processes per context (default 1 each): consumers share their group's
                           partitions, Checkout's HTTP load is spread round-robin over its replicas
  --profile ctx[,ctx]      V8 CPU profile of those services over the run (logs/<ctx>.cpuprofile + summary in the report)
  --label TEXT             a name for this run in the report (e.g. "pool 20")
  --out DIR                results folder (default bench-results/<time>-<mode>)`;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      full: { type: 'boolean' },
      quick: { type: 'boolean' },
      smoke: { type: 'boolean' },
      steps: { type: 'string' },
      'step-seconds': { type: 'string' },
      connections: { type: 'string' },
      'no-closed': { type: 'boolean' },
      'no-ceilings': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      keep: { type: 'boolean' },
      env: { type: 'string', multiple: true },
      label: { type: 'string' },
      profile: { type: 'string' },
      replicas: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: HELP };
  const mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const base = MODES[mode];
  const { env, envFor } = parseEnv(values.env ?? []);
  return {
    mode,
    ...base,
    steps: values.steps
      ? values.steps
          .split(',')
          .map(Number)
          .filter((n) => n > 0)
      : base.steps,
    stepMs: values['step-seconds'] ? Number(values['step-seconds']) * 1000 : base.stepMs,
    closed: values['no-closed']
      ? null
      : { ...base.closed, connections: Number(values.connections ?? base.closed.connections), ...(values['step-seconds'] ? { ms: Number(values['step-seconds']) * 1000 } : {}) },
    ceilings: values['no-ceilings'] ? null : base.ceilings,
    build: !values['no-build'] && process.env.BAZAAR_SKIP_BUILD !== '1',
    keep: Boolean(values.keep),
    env,
    envFor,
    label: values.label ?? null,
    profile: values.profile
      ? values.profile
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : [],
    replicas: parseReplicas(values.replicas),
    out: values.out ?? null,
    requestTimeoutMs: 10_000,
  };
}

/** `KEY=VALUE` for every service, `ctx:KEY=VALUE` for one. */
export function parseEnv(pairs) {
  const env = {};
  const envFor = {};
  for (const pair of pairs) {
    const m = /^(?:([a-z]+):)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!m) throw new Error(`--env ${pair}: expected KEY=VALUE or context:KEY=VALUE`);
    const [, ctx, key, value] = m;
    if (ctx) (envFor[ctx] ??= {})[key] = value;
    else env[key] = value;
  }
  return { env, envFor };
}

const CONTEXT_NAMES = ['checkout', 'fulfillment', 'finance', 'support'];
/** The declared topics have 6 partitions (stack.json's kafka.defaultPartitions): a seventh consumer would idle. */
const MAX_REPLICAS = 6;

/** `N` for every context, or `ctx:N[,ctx:N]` for some (the others run one). */
export function parseReplicas(text) {
  const replicas = Object.fromEntries(CONTEXT_NAMES.map((c) => [c, 1]));
  if (text === undefined) return replicas;
  const count = (n, what) => {
    const value = Number(n);
    if (!Number.isInteger(value) || value < 1 || value > MAX_REPLICAS) throw new Error(`--replicas ${what}: expected a whole number from 1 to ${MAX_REPLICAS}`);
    return value;
  };
  if (/^\d+$/.test(text)) {
    const n = count(text, text);
    return Object.fromEntries(CONTEXT_NAMES.map((c) => [c, n]));
  }
  for (const part of text.split(',')) {
    const m = /^([a-z]+):(\d+)$/.exec(part.trim());
    if (!m || !CONTEXT_NAMES.includes(m[1])) throw new Error(`--replicas ${part}: expected N or context:N with a context of ${CONTEXT_NAMES.join(', ')}`);
    replicas[m[1]] = count(m[2], part);
  }
  return replicas;
}
