import { CartDetails, CartQueries } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';

interface CartDetailsRow {
  id: string;
  buyer_id: string;
  currency: string;
  created_at: Date;
  /** Set once checked out. */
  order_id: string | null;
  lines: { sku: string; quantity: number; unit_price: string; line_total: string }[];
  total: string;
}

/** The cart, its priced lines in the order the buyer first added them, and their total, in one statement (amounts as text like a bigint column). */
const selectCartDetails = `
  SELECT c.id, c.buyer_id, c.currency, c.created_at,
         CASE WHEN c.checked_out_at IS NOT NULL THEN c.checked_out_order_id END AS order_id,
         COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity,
                          'unit_price', l.unit_price_amount::text, 'line_total', (l.unit_price_amount * l.quantity)::text) ORDER BY l.position)
                     FROM cart_lines l WHERE l.cart_id = c.id), '[]') AS lines,
         (SELECT COALESCE(sum(l.unit_price_amount * l.quantity), 0)::text FROM cart_lines l WHERE l.cart_id = c.id) AS total
    FROM carts c
   WHERE c.id = $1`;

/** Carts' read side, selected straight from the cart tables. */
export class TypeOrmCartQueries extends CartQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async byId(cartId: string): Promise<CartDetails | undefined> {
    const [row] = (await this.transactions.manager.query(selectCartDetails, [cartId])) as CartDetailsRow[];
    if (!row) return undefined;
    const { currency } = row;
    return {
      cartId: row.id,
      buyerId: row.buyer_id,
      currency,
      status: row.order_id ? 'checked_out' : 'open',
      lines: row.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: money(Number(line.unit_price), currency),
        lineTotal: money(Number(line.line_total), currency),
      })),
      total: money(Number(row.total), currency),
      ...(row.order_id && { orderId: row.order_id }),
      createdAt: row.created_at,
    };
  }
}
