import { BuyerOrderHistory } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';

/** Counted from Checkout's own orders, on the `(buyer_id, placed_at)` index. */
export class TypeOrmBuyerOrderHistory extends BuyerOrderHistory {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async countSince(buyerId: string, since: Date): Promise<number> {
    const [row] = (await this.transactions.reader.query('SELECT count(*)::int AS n FROM orders WHERE buyer_id = $1 AND placed_at >= $2', [buyerId, since])) as { n: number }[];
    return row?.n ?? 0;
  }
}
