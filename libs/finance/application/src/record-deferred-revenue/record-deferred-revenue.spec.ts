import { Sale } from '@bazaar/finance-domain';
import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { financeFakes } from '../testing/finance-fakes';
import { InMemorySales } from '../testing/in-memory-sales';
import { RecordDeferredRevenue } from './record-deferred-revenue.command';

describe('Record deferred revenue', () => {
  const order: RecordDeferredRevenue = { orderId: 'order-1', terms: someTerms() };
  const eur3399 = { amount: 3399, currency: 'EUR' };

  it('records a balanced deferred entry of the order total and answers its id', async () => {
    const finance = financeFakes({ idPrefix: 'revenue' });

    expect(await finance.defer.execute(order)).toBe('revenue-1');

    const [entry] = await finance.listRevenueEvents.execute({ orderId: 'order-1' });
    expect(entry).toMatchObject({ revenueEventId: 'revenue-1', kind: 'deferred', amount: eur3399, recordedAt: finance.clock.now() });
    expect(entry!.lines.map(({ account, side }) => `${side} ${account}`)).toEqual(['debit accounts_receivable', 'credit deferred_revenue']);
  });

  it('publishes RevenueDeferred and issues no invoice: nothing is earned yet', async () => {
    const finance = financeFakes({ idPrefix: 'revenue' });

    await finance.defer.execute(order);

    expect(finance.sales.published).toEqual([{ type: 'RevenueDeferred', revenueEventId: 'revenue-1', orderId: 'order-1', amount: eur3399, occurredAt: finance.clock.now() }]);
    expect(finance.invoices.numbers).toEqual([]);
  });

  it('records nothing new when the order’s revenue is already deferred, answering the existing id', async () => {
    const finance = financeFakes({ idPrefix: 'revenue' });
    await finance.defer.execute(order);

    expect(await finance.defer.execute({ ...order, terms: { ...someTerms(), buyerId: 'someone-else' } })).toBe('revenue-1');
    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toHaveLength(1);
    expect(finance.sales.published).toHaveLength(1);
  });

  it('after the order’s dispatch was recorded: recognizes the revenue and invoices the buyer at once', async () => {
    const finance = financeFakes({ idPrefix: 'id' });
    await finance.recognize.execute({ orderId: 'order-1', ...someDispatch() });

    await finance.defer.execute(order);

    expect((await finance.listRevenueEvents.execute({ orderId: 'order-1' })).map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    expect(finance.sales.published.map((event) => event.type)).toEqual(['RevenueDeferred', 'RevenueRecognized']);
    expect(await finance.listInvoices.execute({ orderId: 'order-1' })).toEqual([expect.objectContaining({ invoiceNumber: '2026-000001', buyerId: 'buyer-42', total: eur3399 })]);
  });

  it('refuses terms whose lines do not add up and records nothing', async () => {
    const finance = financeFakes();

    await expect(finance.defer.execute({ ...order, terms: { ...someTerms(), total: { amount: 1, currency: 'EUR' } } })).rejects.toMatchObject({
      code: 'priced_lines_invalid',
    });
    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toEqual([]);
    expect(finance.sales.published).toEqual([]);
  });

  it('reports a conflict when another writer deferred the order’s revenue after it looked', async () => {
    /** A read that missed a concurrent writer: only the store's version check is left. */
    class LaggingReads extends InMemorySales {
      override async byOrders(): Promise<ReadonlyMap<string, Sale>> {
        return new Map();
      }
    }
    const sales = new LaggingReads();
    await financeFakes({ sales, idPrefix: 'first' }).defer.execute(order);

    await expect(financeFakes({ sales, idPrefix: 'second' }).defer.execute(order)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(sales.published).toHaveLength(1);
  });
});
