import { BuyerOrders, BuyerOrdersPosition, BuyerOrderSummary } from '@bazaar/checkout-application';
import { OrderStatus } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';

interface BuyerOrderRow {
  id: string;
  status: OrderStatus;
  total_amount: string;
  total_currency: string;
  line_count: number;
  placed_at: Date;
}

/** Read straight from `orders` on its `(buyer_id, placed_at)` index, newest first; the position is a keyset, not an offset. */
export class TypeOrmBuyerOrders extends BuyerOrders {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async page(buyerId: string, limit: number, after?: BuyerOrdersPosition): Promise<BuyerOrderSummary[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT o.id, o.status, o.total_amount, o.total_currency, o.placed_at,
              (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS line_count
         FROM orders o
        WHERE o.buyer_id = $1 AND ($3::timestamptz IS NULL OR (o.placed_at, o.id) < ($3::timestamptz, $4::uuid))
        ORDER BY o.placed_at DESC, o.id DESC
        LIMIT $2`,
      [buyerId, limit, after?.placedAt ?? null, after?.orderId ?? null],
    )) as BuyerOrderRow[];
    return rows.map((row) => ({
      orderId: row.id,
      status: row.status,
      total: money(Number(row.total_amount), row.total_currency),
      lineCount: row.line_count,
      placedAt: row.placed_at,
    }));
  }
}
