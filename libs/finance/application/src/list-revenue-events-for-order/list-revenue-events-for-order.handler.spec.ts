import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { financeFakes } from '../testing/finance-fakes';

describe('List revenue events for an order', () => {
  const eur3399 = { amount: 3399, currency: 'EUR' };

  it('answers the order’s ledger entries with their lines, each naming what it refers to', async () => {
    const finance = financeFakes({ idPrefix: 'revenue' });
    await finance.defer.execute({ orderId: 'order-1', terms: someTerms() });
    await finance.defer.execute({ orderId: 'order-2', terms: someTerms() });
    await finance.recognize.execute({ orderId: 'order-1', ...someDispatch() });

    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toEqual([
      {
        revenueEventId: 'revenue-1',
        orderId: 'order-1',
        kind: 'deferred',
        amount: eur3399,
        recordedAt: finance.clock.now(),
        lines: [
          { account: 'accounts_receivable', side: 'debit', amount: eur3399 },
          { account: 'deferred_revenue', side: 'credit', amount: eur3399 },
        ],
      },
      expect.objectContaining({ revenueEventId: 'revenue-3', kind: 'recognized', recognizesRevenueEventId: 'revenue-1', shipmentId: someDispatch().shipmentId }),
    ]);
  });

  it('answers a reversal after the entry it reverses, naming it', async () => {
    const finance = financeFakes({ idPrefix: 'revenue' });
    await finance.defer.execute({ orderId: 'order-1', terms: someTerms() });
    await finance.reverse.execute({ orderId: 'order-1' });

    const [deferred, reversal] = await finance.listRevenueEvents.execute({ orderId: 'order-1' });
    expect(deferred).not.toHaveProperty('reversesRevenueEventId');
    expect(reversal).toMatchObject({ revenueEventId: 'revenue-2', kind: 'reversal', reversesRevenueEventId: 'revenue-1', amount: eur3399 });
  });

  it('answers an empty list for an order without entries', async () => {
    expect(await financeFakes().listRevenueEvents.execute({ orderId: 'unknown' })).toEqual([]);
  });
});
