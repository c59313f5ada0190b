import { BuyerOrderHistory } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { BuyerDataKeys } from './buyer-data-keys';

/**
 * Counted from Checkout's own orders, on the `(buyer_id, placed_at)` index. Placing an order
 * counts the buyer's recent orders, then seals the address with the buyer's data key: the count
 * brings the wrapped key along (`BuyerDataKeys.readAlong`), one round trip for both.
 */
export class TypeOrmBuyerOrderHistory extends BuyerOrderHistory {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async countSince(buyerId: string, since: Date): Promise<number> {
    const [row] = (await this.transactions.reader.query(
      `SELECT (SELECT count(*) FROM orders WHERE buyer_id = $1 AND placed_at >= $2)::int AS n,
              (SELECT wrapped_key FROM buyer_keys WHERE buyer_id = $1) AS wrapped_key`,
      [buyerId, since],
    )) as { n: number; wrapped_key: string | null }[];
    BuyerDataKeys.readAlong(this.transactions, buyerId, row?.wrapped_key ?? null);
    return row?.n ?? 0;
  }
}
