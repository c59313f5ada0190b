import { RevenueEvent, RevenueEvents } from '@bazaar/finance-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { RecordDeferredRevenue } from './record-deferred-revenue.command';

/**
 * One deferred entry per order: asking again is a no-op answering the existing entry's id. (Writers
 * racing past the check meet the store's unique (order, kind) constraint as a ConcurrencyConflict,
 * and the retry lands in the no-op.)
 */
export class RecordDeferredRevenueHandler {
  constructor(
    private readonly revenueEvents: RevenueEvents,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RecordDeferredRevenue): Promise<string> {
    const existing = (await this.revenueEvents.ofOrder(command.orderId)).find((entry) => entry.kind === 'deferred');
    if (existing) return existing.id;
    const entry = RevenueEvent.defer({
      id: this.ids.next(),
      orderId: command.orderId,
      amount: command.amount,
      recordedAt: this.clock.now(),
    });
    await this.revenueEvents.record(entry);
    return entry.id;
  }
}
