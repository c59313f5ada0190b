import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const workspace = join(__dirname, '../../..');

interface Ceilings {
  pgbench: { skipped?: string; runs?: { tps: number }[] };
  kafka: { max: { recordsPerSecond: number } };
  http: { requestsPerSecond: number };
}

interface Step {
  name: string;
  acceptedPerSecond: number;
  e2e: { orders: number; reached: Record<string, number> };
  http: { latencyMs: { count: number } };
}

/**
 * The benchmark for a few seconds at a tiny load, so the tool cannot rot: it must bring the built
 * services up on their own databases and topics (two replicas of Checkout and of Fulfillment, so the
 * round robin and the shared consumer group are exercised too), measure, and write a sane report. No timings are
 * asserted — this machine's speed is what the tool measures, not what the test checks.
 */
describe('npm run bench -- --smoke', () => {
  mkdirSync(join(workspace, 'tmp'), { recursive: true });
  const out = mkdtempSync(join(workspace, 'tmp', 'bench-smoke-'));
  let run: ReturnType<typeof spawnSync>;
  let result: { steps: Step[]; closed: Step | null; ceilings: Ceilings; peakMemoryMb: Record<string, number>; settings: { replicas: Record<string, number> } };

  beforeAll(() => {
    run = spawnSync(process.execPath, [join(workspace, 'tools/bench/bench.mjs'), '--smoke', '--no-build', '--replicas', 'checkout:2,fulfillment:2', '--out', out], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 280_000,
    });
    if (run.status === 0) result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finishes and writes the JSON result, the Markdown report and the chart', () => {
    expect({ status: run.status, stderr: String(run.stderr).slice(-2000) }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(existsSync(join(out, 'chart.svg'))).toBe(true);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('## Ceilings');
    expect(report).toContain('## Steps');
    expect(report).toMatch(/!\[latency against accepted orders\/s\]\(chart\.(png|svg)\)/);
  });

  it('accepts orders in every step and sees every one of them reach Fulfillment, Finance and Support', () => {
    const steps = [...result.steps, ...(result.closed ? [result.closed] : [])];
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps) {
      expect(step.e2e.orders).toBeGreaterThan(0);
      expect(step.http.latencyMs.count).toBe(step.e2e.orders);
      expect(step.e2e.reached).toMatchObject({ placed: step.e2e.orders, fulfillment: step.e2e.orders, finance: step.e2e.orders, support: step.e2e.orders, all: step.e2e.orders });
    }
  });

  it('measures the ceilings and the memory of every process', () => {
    const { http, kafka, pgbench } = result.ceilings;
    expect(http.requestsPerSecond).toBeGreaterThan(0);
    expect(kafka.max.recordsPerSecond).toBeGreaterThan(0);
    if (!pgbench.skipped) expect(pgbench.runs?.every((r) => r.tps > 0)).toBe(true);
    for (const process of ['checkout', 'fulfillment', 'finance', 'support', 'kafka', 'postgres']) expect(result.peakMemoryMb[process]).toBeGreaterThan(0);
  });

  it('runs the replicas it was asked for, each with its own log, and says so in the report', () => {
    expect(result.settings.replicas).toEqual({ checkout: 2, fulfillment: 2, finance: 1, support: 1 });
    for (const log of ['checkout.log', 'checkout-2.log', 'fulfillment.log', 'fulfillment-2.log', 'finance.log', 'support.log'])
      expect(existsSync(join(out, 'logs', log))).toBe(true);
    expect(existsSync(join(out, 'logs', 'finance-2.log'))).toBe(false);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Processes per context: checkout 2, fulfillment 2, finance 1, support 1');
  });
});
