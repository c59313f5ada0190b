import { aDeferredRevenue } from '../testing/revenue-event.builder';
import { RevenueEvent } from './revenue-event';

describe('Revenue reversal', () => {
  const recordedAt = new Date('2026-11-21T11:00:00Z');
  const deferred = () => aDeferredRevenue().withId('r-1').forOrder('o-1').of(3399, 'EUR').build();

  it('moves the deferred amount back from deferred revenue to receivable, pointing at the entry it reverses', () => {
    const reversal = RevenueEvent.reverse(deferred(), { id: 'r-2', recordedAt });

    expect(reversal.snapshot()).toEqual({
      id: 'r-2',
      orderId: 'o-1',
      kind: 'reversal',
      amount: { amount: 3399, currency: 'EUR' },
      recordedAt,
      reverses: 'r-1',
      lines: [
        { account: 'deferred_revenue', side: 'debit', amount: { amount: 3399, currency: 'EUR' } },
        { account: 'accounts_receivable', side: 'credit', amount: { amount: 3399, currency: 'EUR' } },
      ],
    });
  });

  it('leaves the deferred entry as it was', () => {
    const original = deferred();
    const before = original.snapshot();

    RevenueEvent.reverse(original, { id: 'r-2', recordedAt });

    expect(original.snapshot()).toBe(before);
  });

  it('together with its deferred entry, nets every account to zero', () => {
    const original = deferred();
    const reversal = RevenueEvent.reverse(original, { id: 'r-2', recordedAt });
    const net = new Map<string, number>();
    for (const { account, side, amount } of [...original.lines, ...reversal.lines]) {
      net.set(account, (net.get(account) ?? 0) + (side === 'debit' ? amount.amount : -amount.amount));
    }

    expect(Object.fromEntries(net)).toEqual({ accounts_receivable: 0, deferred_revenue: 0 });
  });

  it('cannot reverse a reversal', () => {
    const reversal = RevenueEvent.restore(RevenueEvent.reverse(deferred(), { id: 'r-2', recordedAt }).snapshot());

    expect(() => RevenueEvent.reverse(reversal, { id: 'r-3', recordedAt })).toThrow(expect.objectContaining({ code: 'revenue_not_reversible' }));
  });

  it('is immutable and read back as recorded', () => {
    const reversal = RevenueEvent.reverse(deferred(), { id: 'r-2', recordedAt });
    const restored = RevenueEvent.restore(reversal.snapshot());

    expect(Object.isFrozen(reversal.snapshot())).toBe(true);
    expect(restored.snapshot()).toEqual(reversal.snapshot());
  });
});
