import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { InMemoryRevenueEvents } from '../testing/in-memory-revenue-events';
import { RecordDeferredRevenue } from './record-deferred-revenue.command';
import { RecordDeferredRevenueHandler } from './record-deferred-revenue.handler';

describe('Record deferred revenue', () => {
  const order: RecordDeferredRevenue = { orderId: 'order-1', amount: { amount: 3399, currency: 'EUR' } };
  let ledger: InMemoryRevenueEvents;
  let handler: RecordDeferredRevenueHandler;

  beforeEach(() => {
    ledger = new InMemoryRevenueEvents();
    handler = new RecordDeferredRevenueHandler(ledger, new FixedClock(new Date('2026-11-21T10:00:00Z')), new SequentialIds('revenue'));
  });

  it('records a balanced deferred entry for the order and answers its id', async () => {
    const id = await handler.execute(order);

    expect(id).toBe('revenue-1');
    const [entry] = await ledger.ofOrder('order-1');
    expect(entry!.snapshot()).toMatchObject({
      id: 'revenue-1',
      kind: 'deferred',
      amount: { amount: 3399, currency: 'EUR' },
      recordedAt: new Date('2026-11-21T10:00:00Z'),
    });
    expect(entry!.lines.map(({ account, side }) => `${side} ${account}`)).toEqual(['debit accounts_receivable', 'credit deferred_revenue']);
  });

  it('publishes RevenueDeferred', async () => {
    await handler.execute(order);

    expect(ledger.published).toEqual([
      expect.objectContaining({ type: 'RevenueDeferred', revenueEventId: 'revenue-1', orderId: 'order-1', amount: order.amount }),
    ]);
  });

  it('records nothing new when the order\'s revenue is already deferred, answering the existing id', async () => {
    await handler.execute(order);
    const again = await handler.execute({ ...order, amount: { amount: 1, currency: 'EUR' } });

    expect(again).toBe('revenue-1');
    expect(ledger.count).toBe(1);
    expect(ledger.published).toHaveLength(1);
  });

  it('refuses a zero amount and records nothing', async () => {
    await expect(handler.execute({ ...order, amount: { amount: 0, currency: 'EUR' } })).rejects.toMatchObject({
      code: 'revenue_amount_not_positive',
    });
    expect(ledger.count).toBe(0);
  });

  it('reports a conflict when another writer deferred the order\'s revenue after it looked', async () => {
    /** A read that missed a concurrent writer: only the ledger's unique (order, kind) rule is left. */
    class LaggingReads extends InMemoryRevenueEvents {
      override async ofOrder() {
        return [];
      }
    }
    const store = new LaggingReads();
    await new RecordDeferredRevenueHandler(store, new FixedClock(), new SequentialIds('first')).execute(order);

    await expect(new RecordDeferredRevenueHandler(store, new FixedClock(), new SequentialIds('second')).execute(order)).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
  });
});
