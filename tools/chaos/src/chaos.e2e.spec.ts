import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const workspace = join(__dirname, '../../..');

interface Result {
  trials: { kind: string; orderId: string | null }[];
  faults: { kind: string; injected: boolean; outcome: string }[];
  resumes: { consumersBack: number | null; progressBack: number | null; flowBack: number | null }[];
  data: { orders: number; ends: Record<string, number>; deadLetters: Record<string, number> };
  violations: { invariant: string; orderId: string | null; detail: string }[];
}

/**
 * The short chaos run (`npm run chaos -- --quick`): every kind of fault at least once while orders
 * flow, on the built services and a broker of the run's own, then the invariants. The seed is fixed
 * so a failure can be replayed with the same schedule; no timing is asserted.
 */
describe('npm run chaos -- --quick', () => {
  mkdirSync(join(workspace, 'tmp'), { recursive: true });
  const out = mkdtempSync(join(workspace, 'tmp', 'chaos-e2e-'));
  let run: ReturnType<typeof spawnSync>;
  let result: Result;

  beforeAll(() => {
    run = spawnSync(process.execPath, [join(workspace, 'tools/chaos/chaos.mjs'), '--quick', '--no-build', '--seed', '20261207', '--out', out], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 880_000,
    });
    result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finds no lost, doubled or stranded order, and no other violation, and says so with exit code 0', () => {
    expect(result.violations).toEqual([]);
    expect({ status: run.status, stderr: String(run.stderr).slice(-2000) }).toEqual({ status: 0, stderr: expect.any(String) });
  });

  it('injected every kind of fault while the orders were placed, and every accepted order is in Checkout', () => {
    const kinds = new Set(result.faults.filter((fault) => fault.injected).map((fault) => fault.kind));
    expect([...kinds].sort()).toEqual(['broker-kill', 'broker-restart', 'db-terminate', 'kill', 'pause', 'poison', 'scale-down', 'scale-up']);
    const accepted = result.trials.filter((trial) => trial.orderId).length;
    expect(accepted).toBe(result.trials.length);
    expect(result.data.orders).toBe(accepted);
  });

  it('saw the consumers come back by themselves after each broker restart, and the poison parked by every consumer of checkout.orders (not Checkout)', () => {
    expect(result.resumes.length).toBeGreaterThanOrEqual(2);
    expect(result.resumes.every((resume) => resume.consumersBack !== null && resume.progressBack !== null && resume.flowBack !== null)).toBe(true);
    const poison = result.faults.filter((fault) => fault.kind === 'poison' && fault.injected).length;
    expect(result.data.deadLetters).toEqual({ checkout: 0, fulfillment: poison, finance: poison, support: poison });
  });
});
