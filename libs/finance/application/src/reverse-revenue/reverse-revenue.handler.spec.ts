import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { RecordDeferredRevenueHandler } from '../record-deferred-revenue/record-deferred-revenue.handler';
import { InMemoryRevenueEvents } from '../testing/in-memory-revenue-events';
import { ReverseRevenueHandler } from './reverse-revenue.handler';

describe('Reverse revenue', () => {
  const eur3399 = { amount: 3399, currency: 'EUR' };
  const reversedAt = new Date('2026-11-21T11:00:00Z');
  let ledger: InMemoryRevenueEvents;
  let handler: ReverseRevenueHandler;

  beforeEach(async () => {
    ledger = new InMemoryRevenueEvents();
    handler = new ReverseRevenueHandler(ledger, new FixedClock(reversedAt), new SequentialIds('reversal'));
    await new RecordDeferredRevenueHandler(ledger, new FixedClock(), new SequentialIds('deferred')).execute({ orderId: 'order-1', amount: eur3399 });
    ledger.published.length = 0;
  });

  it('records a balanced reversal of the order\'s deferred entry, for its amount, and answers its id', async () => {
    expect(await handler.execute({ orderId: 'order-1' })).toBe('reversal-1');

    const entries = await ledger.ofOrder('order-1');
    expect(entries.map((entry) => entry.kind)).toEqual(['deferred', 'reversal']);
    expect(entries[1]!.snapshot()).toMatchObject({ id: 'reversal-1', amount: eur3399, reverses: 'deferred-1', recordedAt: reversedAt });
    expect(entries[1]!.lines.map(({ account, side }) => `${side} ${account}`)).toEqual(['debit deferred_revenue', 'credit accounts_receivable']);
  });

  it('publishes RevenueReversed', async () => {
    await handler.execute({ orderId: 'order-1' });

    expect(ledger.published).toEqual([
      { type: 'RevenueReversed', revenueEventId: 'reversal-1', reversedRevenueEventId: 'deferred-1', orderId: 'order-1', amount: eur3399, occurredAt: reversedAt },
    ]);
  });

  it('records nothing new when the order\'s revenue is already reversed, answering the existing id', async () => {
    await handler.execute({ orderId: 'order-1' });

    expect(await handler.execute({ orderId: 'order-1' })).toBe('reversal-1');
    expect(ledger.count).toBe(2);
    expect(ledger.published).toHaveLength(1);
  });

  it('refuses an order with no deferred revenue and records nothing', async () => {
    await expect(handler.execute({ orderId: 'order-2' })).rejects.toMatchObject({ code: 'no_deferred_revenue_to_reverse' });
    expect(ledger.count).toBe(1);
  });

  it('reports a conflict when another writer reversed the order\'s revenue after it looked', async () => {
    /** Reads that missed a concurrent reversal: only the ledger's unique (order, kind) rule is left. */
    class LaggingReads extends InMemoryRevenueEvents {
      override async ofOrder(orderId: string) {
        return (await super.ofOrder(orderId)).filter((entry) => entry.kind !== 'reversal');
      }
    }
    const store = new LaggingReads();
    await new RecordDeferredRevenueHandler(store, new FixedClock(), new SequentialIds('deferred')).execute({ orderId: 'order-1', amount: eur3399 });
    await new ReverseRevenueHandler(store, new FixedClock(), new SequentialIds('first')).execute({ orderId: 'order-1' });

    await expect(new ReverseRevenueHandler(store, new FixedClock(), new SequentialIds('second')).execute({ orderId: 'order-1' })).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
  });
});
