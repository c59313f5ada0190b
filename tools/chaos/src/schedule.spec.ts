import { FAULT_KINDS, faultSchedule } from '../lib/faults.mjs';
import { seededRandom } from '../lib/random.mjs';
import { planOrders, STOCKED_SKUS } from '../lib/workload.mjs';

describe('the fault schedule', () => {
  it('spreads the faults over the run, in time order, aimed at services except for the broker and poison', () => {
    const schedule = faultSchedule({ count: 200, durationMs: 60_000, kinds: [...FAULT_KINDS], random: seededRandom(1) });

    expect(schedule).toHaveLength(200);
    expect(schedule.map((f) => f.atMs)).toEqual([...schedule.map((f) => f.atMs)].sort((a, b) => a - b));
    expect(schedule.every((f) => f.atMs >= 0 && f.atMs <= 60_000)).toBe(true);
    for (const fault of schedule) {
      if (fault.kind.startsWith('broker') || fault.kind === 'poison') expect(fault.ctx).toBeNull();
      else expect(['checkout', 'fulfillment', 'finance', 'support']).toContain(fault.ctx);
    }
    expect(new Set(schedule.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
  });

  it('is the same for the same seed, and holds only the kinds asked for', () => {
    const again = (seed: number) => faultSchedule({ count: 30, durationMs: 10_000, kinds: ['pause', 'db-terminate'], random: seededRandom(seed) });

    expect(again(42)).toEqual(again(42));
    expect(again(42)).not.toEqual(again(43));
    expect(new Set(again(42).map((f) => f.kind))).toEqual(new Set(['pause', 'db-terminate']));
  });

  it('tries every kind at least once in a short run', () => {
    const schedule = faultSchedule({ count: FAULT_KINDS.length, durationMs: 10_000, kinds: [...FAULT_KINDS], random: seededRandom(5), eachKind: true });

    expect(schedule.map((f) => f.kind).sort()).toEqual([...FAULT_KINDS].sort());
  });
});

describe('the planned orders', () => {
  it('mixes completed, out-of-stock, declined and buyer-cancelled orders, each with its own key and buyer', () => {
    const orders = planOrders({ count: 500, runId: 'r1', random: seededRandom(3) });
    const share = (kind: string) => orders.filter((o) => o.kind === kind).length / orders.length;
    const skus = (o: { body: string }) => JSON.parse(o.body).lines.map((line: { sku: string }) => line.sku);

    expect(new Set(orders.map((o) => o.key)).size).toBe(500);
    expect(new Set(orders.map((o) => JSON.parse(o.body).buyerId)).size).toBe(500);
    expect(share('complete')).toBeGreaterThan(0.5);
    expect(share('out-of-stock')).toBeGreaterThan(0.05);
    for (const order of orders) {
      const stocked = skus(order).filter((sku: string) => STOCKED_SKUS.includes(sku));
      expect(stocked).toHaveLength(order.kind === 'out-of-stock' ? 1 : 2);
    }
    expect(share('declined')).toBeGreaterThan(0.05);
    expect(share('buyer-cancel')).toBeGreaterThan(0.12);
    expect(orders.filter((o) => o.kind === 'declined').every((o) => JSON.parse(o.body).paymentToken === 'tok_declined')).toBe(true);
    expect(orders.every((o) => (o.kind === 'buyer-cancel') === (o.cancelAfterMs !== null))).toBe(true);
  });
});
