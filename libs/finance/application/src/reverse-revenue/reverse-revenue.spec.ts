import { Sale } from '@bazaar/finance-domain';
import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { financeFakes, FinanceFakes } from '../testing/finance-fakes';
import { InMemorySales } from '../testing/in-memory-sales';

describe('Reverse revenue', () => {
  const eur3399 = { amount: 3399, currency: 'EUR' };
  let finance: FinanceFakes;

  beforeEach(async () => {
    finance = financeFakes({ idPrefix: 'entry' });
    await finance.defer.execute({ orderId: 'order-1', terms: someTerms() });
  });

  it('records a balanced reversal of the order’s deferred entry, for its amount, and answers its id', async () => {
    expect(await finance.reverse.execute({ orderId: 'order-1' })).toBe('entry-2');

    const entries = await finance.listRevenueEvents.execute({ orderId: 'order-1' });
    expect(entries.map((entry) => entry.kind)).toEqual(['deferred', 'reversal']);
    expect(entries[1]).toMatchObject({ revenueEventId: 'entry-2', amount: eur3399, reversesRevenueEventId: 'entry-1', recordedAt: finance.clock.now() });
    expect(entries[1]!.lines.map(({ account, side }) => `${side} ${account}`)).toEqual(['debit deferred_revenue', 'credit accounts_receivable']);
  });

  it('publishes RevenueReversed', async () => {
    await finance.reverse.execute({ orderId: 'order-1' });

    expect(finance.sales.published.at(-1)).toEqual({
      type: 'RevenueReversed',
      revenueEventId: 'entry-2',
      reversedRevenueEventId: 'entry-1',
      orderId: 'order-1',
      amount: eur3399,
      occurredAt: finance.clock.now(),
    });
  });

  it('records nothing new when the order’s revenue is already reversed, answering the existing id', async () => {
    await finance.reverse.execute({ orderId: 'order-1' });

    expect(await finance.reverse.execute({ orderId: 'order-1' })).toBe('entry-2');
    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toHaveLength(2);
    expect(finance.sales.published).toHaveLength(2);
  });

  it('reverses nothing for an order with no deferred revenue, but remembers it: its authorization, should it arrive later, defers nothing', async () => {
    expect(await finance.reverse.execute({ orderId: 'order-2' })).toBeUndefined();
    expect(await finance.listRevenueEvents.execute({ orderId: 'order-2' })).toEqual([]);

    expect(await finance.defer.execute({ orderId: 'order-2', terms: someTerms() })).toBeUndefined();
    expect(await finance.listRevenueEvents.execute({ orderId: 'order-2' })).toEqual([]);
    expect(finance.sales.published.filter((event) => event.orderId === 'order-2')).toEqual([]);
  });

  it('refuses an order whose revenue was recognized, recording nothing and keeping its invoice', async () => {
    await finance.recognize.execute({ orderId: 'order-1', ...someDispatch() });

    await expect(finance.reverse.execute({ orderId: 'order-1' })).rejects.toMatchObject({ code: 'revenue_already_recognized' });
    expect((await finance.listRevenueEvents.execute({ orderId: 'order-1' })).map((entry) => entry.kind)).toEqual(['deferred', 'recognized']);
    expect(finance.invoices.numbers).toEqual(['2026-000001']);
  });

  it('reports a conflict when another writer reversed the order’s revenue after it looked', async () => {
    /** Reads that missed a concurrent reversal: only the store's version check is left. */
    class LaggingReads extends InMemorySales {
      #first: Sale | undefined;
      override async byOrders(orderIds: readonly string[]): Promise<ReadonlyMap<string, Sale>> {
        const current = (await super.byOrders(orderIds)).get('order-1');
        this.#first ??= current;
        return new Map(this.#first ? [['order-1', Sale.restore(this.#first.snapshot(), this.#first.version)]] : []);
      }
    }
    const sales = new LaggingReads();
    await financeFakes({ sales }).defer.execute({ orderId: 'order-1', terms: someTerms() });
    await financeFakes({ sales, idPrefix: 'first' }).reverse.execute({ orderId: 'order-1' });

    await expect(financeFakes({ sales, idPrefix: 'second' }).reverse.execute({ orderId: 'order-1' })).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(sales.published).toHaveLength(2);
  });
});
