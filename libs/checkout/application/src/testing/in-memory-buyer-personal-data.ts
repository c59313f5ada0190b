import { BuyerErasure, BuyerPersonalData } from '../ports/buyer-personal-data';
import { InMemoryOrders } from './in-memory-orders';

/** Erasure over the in-memory orders: their addresses go, and each erasure is logged as published. */
export class InMemoryBuyerPersonalData extends BuyerPersonalData {
  readonly published: BuyerErasure[] = [];
  readonly #erased = new Set<string>();

  constructor(private readonly orders: InMemoryOrders) {
    super();
  }

  async ordersOf(buyerId: string) {
    return this.orders
      .all()
      .filter((order) => order.buyerId === buyerId)
      .map((order) => ({ orderId: order.id, status: order.status }));
  }

  async erase(erasure: BuyerErasure): Promise<boolean> {
    if (this.#erased.has(erasure.buyerId) || erasure.orderIds.length === 0) return false;
    for (const id of erasure.orderIds) {
      const row = this.orders.rows.get(id);
      if (!row) continue;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { shippingAddress, ...kept } = row.state;
      this.orders.rows.put(id, kept, row.version, []);
    }
    this.#erased.add(erasure.buyerId);
    this.published.push(erasure);
    return true;
  }
}
