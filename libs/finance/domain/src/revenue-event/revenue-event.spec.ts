import { aDeferredRevenue } from '../testing/revenue-event.builder';
import { RevenueEvent } from './revenue-event';

describe('Deferred revenue', () => {
  it('debits accounts receivable and credits deferred revenue with the order total', () => {
    const entry = aDeferredRevenue().withId('r-1').forOrder('o-1').of(3399, 'EUR').recordedAt(new Date('2026-11-21T10:00:00Z')).build();

    expect(entry.snapshot()).toEqual({
      id: 'r-1',
      orderId: 'o-1',
      kind: 'deferred',
      amount: { amount: 3399, currency: 'EUR' },
      recordedAt: new Date('2026-11-21T10:00:00Z'),
      lines: [
        { account: 'accounts_receivable', side: 'debit', amount: { amount: 3399, currency: 'EUR' } },
        { account: 'deferred_revenue', side: 'credit', amount: { amount: 3399, currency: 'EUR' } },
      ],
    });
  });

  it.each([0, -100, 12.5])('refuses an amount of %p', (amount) => {
    expect(() => aDeferredRevenue().of(amount).build()).toThrow(expect.objectContaining({ code: 'revenue_amount_not_positive' }));
  });

  it('cannot be changed once recorded', () => {
    const entry = aDeferredRevenue().build();
    const { lines, amount } = entry.snapshot();

    expect(Object.isFrozen(entry.snapshot())).toBe(true);
    expect(Object.isFrozen(lines)).toBe(true);
    expect(Object.isFrozen(lines[0]!.amount)).toBe(true);
    expect(Object.isFrozen(amount)).toBe(true);
  });

  it('is read back as recorded, checked again', () => {
    const original = aDeferredRevenue().build();
    const restored = RevenueEvent.restore(original.snapshot());

    expect(restored.snapshot()).toEqual(original.snapshot());
  });

  it('refuses to read back an entry whose lines do not balance', () => {
    const tampered = { ...aDeferredRevenue().of(1000).build().snapshot() };
    const lines = [tampered.lines[0]!, { ...tampered.lines[1]!, amount: { amount: 999, currency: 'EUR' } }];

    expect(() => RevenueEvent.restore({ ...tampered, lines })).toThrow(expect.objectContaining({ code: 'ledger_entry_unbalanced' }));
  });
});
