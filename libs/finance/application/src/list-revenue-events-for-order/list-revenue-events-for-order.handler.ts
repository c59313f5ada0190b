import { RevenueEvents } from '@bazaar/finance-domain';
import { ListRevenueEventsForOrder, RevenueEventSummary } from './list-revenue-events-for-order.query';

/** An order's revenue ledger, in the order it was recorded; none is an empty list, not an error. */
export class ListRevenueEventsForOrderHandler {
  constructor(private readonly revenueEvents: RevenueEvents) {}

  async execute(query: ListRevenueEventsForOrder): Promise<readonly RevenueEventSummary[]> {
    const entries = await this.revenueEvents.ofOrder(query.orderId);
    return entries.map((entry) => {
      const { id, orderId, kind, amount, recordedAt, lines, reverses } = entry.snapshot();
      return { revenueEventId: id, orderId, kind, amount, recordedAt, lines, ...(reverses ? { reversesRevenueEventId: reverses } : {}) };
    });
  }
}
