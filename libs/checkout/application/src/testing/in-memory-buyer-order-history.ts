import { BuyerOrderHistory } from '../ports/buyer-order-history';
import { InMemoryOrders } from './in-memory-orders';

/** Answers from the fake orders, as the real adapter would from the orders table. */
export class InMemoryBuyerOrderHistory extends BuyerOrderHistory {
  constructor(private readonly orders: InMemoryOrders) {
    super();
  }

  async countSince(buyerId: string, since: Date): Promise<number> {
    return this.orders.all().filter((order) => order.buyerId === buyerId && order.placedAt >= since).length;
  }
}
