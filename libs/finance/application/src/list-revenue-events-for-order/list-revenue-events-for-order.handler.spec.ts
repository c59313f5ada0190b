import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { RecordDeferredRevenueHandler } from '../record-deferred-revenue/record-deferred-revenue.handler';
import { ReverseRevenueHandler } from '../reverse-revenue/reverse-revenue.handler';
import { InMemoryRevenueEvents } from '../testing/in-memory-revenue-events';
import { ListRevenueEventsForOrderHandler } from './list-revenue-events-for-order.handler';

describe('List revenue events for an order', () => {
  let ledger: InMemoryRevenueEvents;
  let list: ListRevenueEventsForOrderHandler;
  let defer: RecordDeferredRevenueHandler;

  beforeEach(() => {
    ledger = new InMemoryRevenueEvents();
    list = new ListRevenueEventsForOrderHandler(ledger);
    defer = new RecordDeferredRevenueHandler(ledger, new FixedClock(new Date('2026-11-21T10:00:00Z')), new SequentialIds('revenue'));
  });

  it('answers the order\'s ledger entries with their lines', async () => {
    await defer.execute({ orderId: 'order-1', amount: { amount: 1250, currency: 'GBP' } });
    await defer.execute({ orderId: 'order-2', amount: { amount: 99, currency: 'GBP' } });

    expect(await list.execute({ orderId: 'order-1' })).toEqual([
      {
        revenueEventId: 'revenue-1',
        orderId: 'order-1',
        kind: 'deferred',
        amount: { amount: 1250, currency: 'GBP' },
        recordedAt: new Date('2026-11-21T10:00:00Z'),
        lines: [
          { account: 'accounts_receivable', side: 'debit', amount: { amount: 1250, currency: 'GBP' } },
          { account: 'deferred_revenue', side: 'credit', amount: { amount: 1250, currency: 'GBP' } },
        ],
      },
    ]);
  });

  it('answers a reversal after the entry it reverses, naming it', async () => {
    await defer.execute({ orderId: 'order-1', amount: { amount: 1250, currency: 'GBP' } });
    await new ReverseRevenueHandler(ledger, new FixedClock(new Date('2026-11-21T11:00:00Z')), new SequentialIds('reversal')).execute({ orderId: 'order-1' });

    const [deferred, reversal] = await list.execute({ orderId: 'order-1' });
    expect(deferred).not.toHaveProperty('reversesRevenueEventId');
    expect(reversal).toMatchObject({ revenueEventId: 'reversal-1', kind: 'reversal', reversesRevenueEventId: 'revenue-1', amount: { amount: 1250, currency: 'GBP' } });
  });

  it('answers an empty list for an order without entries', async () => {
    expect(await list.execute({ orderId: 'unknown' })).toEqual([]);
  });
});
