/** Command-line options of `npm run chaos`. */
import { parseArgs } from 'node:util';
import { FAULT_KINDS } from './faults.mjs';

const HELP = `usage: npm run chaos [-- options]

  --orders N          orders to place (default 600)
  --rate N            orders per second, steady (default 10)
  --faults N          faults to inject while the orders are placed (default 60)
  --only k1,k2        inject only these kinds of fault (default: all)
                      kinds: ${FAULT_KINDS.join(', ')}
  --quick             a short run for the test suite: 180 orders at 6/s, 16 faults, every kind at least once
  --seed N            replay a run's schedule (printed at the start)
  --settle-seconds N  how long, after the last order and fault, everything may take to settle (default 240)
  --no-build          use the existing dist/apps build
  --keep              keep the run's databases, broker data and logs
  --out DIR           where the report goes (default tmp/chaos/<run id>)

Runs the four built services on throw-away databases and topics, on a Kafka broker of its own (never
the shared one on 9092), places orders at a steady rate through the whole flow while it injects
faults on a schedule, then checks every context's own data for lost, doubled and stranded orders
(docs/chaos.md). Exits 1 on any violation.`;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string' },
      rate: { type: 'string' },
      faults: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean' },
      seed: { type: 'string' },
      'settle-seconds': { type: 'string' },
      'no-build': { type: 'boolean' },
      keep: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: HELP };
  const quick = Boolean(values.quick);
  const kinds = values.only ? values.only.split(',').map((kind) => kind.trim()) : [...FAULT_KINDS];
  const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind));
  if (unknown.length > 0) throw new Error(`--only: unknown fault kind(s) ${unknown.join(', ')}; known: ${FAULT_KINDS.join(', ')}`);
  const number = (name, fallback) => {
    const value = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: expected a number, got ${values[name]}`);
    return value;
  };
  return {
    orders: number('orders', quick ? 180 : 600),
    rate: number('rate', quick ? 6 : 10),
    faults: number('faults', quick ? 16 : 60),
    kinds,
    quick,
    seed: number('seed', Math.floor(Math.random() * 2 ** 31)),
    settleMs: number('settle-seconds', 240) * 1000,
    build: !values['no-build'] && process.env.BAZAAR_SKIP_BUILD !== '1',
    keep: Boolean(values.keep),
    out: values.out ?? null,
  };
}
