import { BuyerOrders, BuyerOrdersPosition, BuyerOrderSummary } from '../ports/buyer-orders';
import { ListBuyerOrders } from './list-buyer-orders.query';

export interface BuyerOrdersPage {
  readonly orders: readonly BuyerOrderSummary[];
  /** Where the next page starts; absent on the last page. */
  readonly next?: BuyerOrdersPosition;
}

/** One more row than asked tells whether a next page exists without counting. */
export class ListBuyerOrdersHandler {
  constructor(private readonly orders: BuyerOrders) {}

  async execute(query: ListBuyerOrders): Promise<BuyerOrdersPage> {
    const rows = await this.orders.page(query.buyerId, query.limit + 1, query.after);
    const orders = rows.slice(0, query.limit);
    const last = orders[orders.length - 1];
    return rows.length > query.limit && last ? { orders, next: { placedAt: last.placedAt, orderId: last.orderId } } : { orders };
  }
}
