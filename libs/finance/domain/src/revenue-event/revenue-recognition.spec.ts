import { aDeferredRevenue } from '../testing/revenue-event.builder';
import { RevenueEvent } from './revenue-event';

describe('Revenue recognition', () => {
  const recordedAt = new Date('2026-11-22T14:00:00.150Z');
  const shipmentId = 'c0ffee00-1234-4abc-8def-0123456789ab';
  const deferred = () => aDeferredRevenue().withId('r-1').forOrder('o-1').of(3399, 'EUR').build();

  it('moves the deferred amount from deferred revenue to revenue, naming the entry it recognizes and the shipment that earned it', () => {
    const recognition = RevenueEvent.recognize(deferred(), { id: 'r-2', shipmentId, recordedAt });

    expect(recognition.snapshot()).toEqual({
      id: 'r-2',
      orderId: 'o-1',
      kind: 'recognized',
      amount: { amount: 3399, currency: 'EUR' },
      recordedAt,
      recognizes: 'r-1',
      shipmentId,
      lines: [
        { account: 'deferred_revenue', side: 'debit', amount: { amount: 3399, currency: 'EUR' } },
        { account: 'revenue', side: 'credit', amount: { amount: 3399, currency: 'EUR' } },
      ],
    });
  });

  it('leaves the deferred entry as it was', () => {
    const original = deferred();
    const before = original.snapshot();

    RevenueEvent.recognize(original, { id: 'r-2', shipmentId, recordedAt });

    expect(original.snapshot()).toBe(before);
  });

  it('together with its deferred entry, leaves the order total receivable and earned, and nothing deferred', () => {
    const original = deferred();
    const recognition = RevenueEvent.recognize(original, { id: 'r-2', shipmentId, recordedAt });
    const net = new Map<string, number>();
    for (const { account, side, amount } of [...original.lines, ...recognition.lines]) {
      net.set(account, (net.get(account) ?? 0) + (side === 'debit' ? amount.amount : -amount.amount));
    }

    expect(Object.fromEntries(net)).toEqual({ accounts_receivable: 3399, deferred_revenue: 0, revenue: -3399 });
  });

  it('cannot recognize anything but a deferred entry', () => {
    const recognition = RevenueEvent.recognize(deferred(), { id: 'r-2', shipmentId, recordedAt });
    const reversal = RevenueEvent.reverse(deferred(), { id: 'r-3', recordedAt });

    for (const entry of [recognition, reversal]) {
      expect(() => RevenueEvent.recognize(entry, { id: 'r-4', shipmentId, recordedAt })).toThrow(expect.objectContaining({ code: 'revenue_not_recognizable' }));
    }
  });

  it('is immutable and read back as recorded', () => {
    const recognition = RevenueEvent.recognize(deferred(), { id: 'r-2', shipmentId, recordedAt });

    expect(Object.isFrozen(recognition.snapshot())).toBe(true);
    expect(Object.isFrozen(recognition.lines[1]!.amount)).toBe(true);
    expect(RevenueEvent.restore(recognition.snapshot()).snapshot()).toEqual(recognition.snapshot());
  });
});
