import { NoDeferredRevenueToReverse, RevenueEvent, RevenueEvents } from '@bazaar/finance-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { ReverseRevenue } from './reverse-revenue.command';

/**
 * One reversal per order, for the amount its deferred entry holds: asking again is a no-op answering
 * the existing reversal's id (racing writers meet the store's unique (order, kind) constraint as a
 * ConcurrencyConflict, and the retry lands in the no-op). With no deferred entry there is nothing
 * to reverse yet: NoDeferredRevenueToReverse, so the request waits for a person instead of vanishing.
 */
export class ReverseRevenueHandler {
  constructor(
    private readonly revenueEvents: RevenueEvents,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: ReverseRevenue): Promise<string> {
    const entries = await this.revenueEvents.ofOrder(command.orderId);
    const existing = entries.find((entry) => entry.kind === 'reversal');
    if (existing) return existing.id;
    const deferred = entries.find((entry) => entry.kind === 'deferred');
    if (!deferred) throw new NoDeferredRevenueToReverse(command.orderId);
    const reversal = RevenueEvent.reverse(deferred, { id: this.ids.next(), recordedAt: this.clock.now() });
    await this.revenueEvents.record(reversal);
    return reversal.id;
  }
}
