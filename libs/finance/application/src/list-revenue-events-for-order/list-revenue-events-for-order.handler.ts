import { LedgerQueries, RevenueEventSummary } from '../ports/ledger-queries';
import { ListRevenueEventsForOrder } from './list-revenue-events-for-order.query';

/** An order's revenue ledger, in the order it was recorded; none is an empty list, not an error. */
export class ListRevenueEventsForOrderHandler {
  constructor(private readonly ledger: LedgerQueries) {}

  execute(query: ListRevenueEventsForOrder): Promise<readonly RevenueEventSummary[]> {
    return this.ledger.revenueEventsOf(query.orderId);
  }
}
