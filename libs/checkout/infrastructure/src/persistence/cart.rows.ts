import { Cart, cartId, orderId } from '@bazaar/checkout-domain';
import { money } from '@bazaar/shared-kernel';

/** Row shapes as PostgreSQL returns them (bigint arrives as a string). */
export interface CartRow {
  id: string;
  buyer_id: string;
  currency: string;
  created_at: Date;
  checked_out_order_id: string | null;
  checked_out_at: Date | null;
  version: number;
}

/** The columns a load reads, by name (statements are prepared: see PreparingClient). */
export const cartColumns = ['id', 'buyer_id', 'currency', 'created_at', 'checked_out_order_id', 'checked_out_at', 'version'] as const;

export interface CartLineRow {
  sku: string;
  quantity: number;
  unit_price_amount: string;
}

export function toCart(row: CartRow, lines: readonly CartLineRow[]): Cart {
  return Cart.restore(
    {
      id: cartId(row.id),
      buyerId: row.buyer_id,
      currency: row.currency,
      lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity, unitPrice: money(Number(line.unit_price_amount), row.currency) })),
      createdAt: row.created_at,
      ...(row.checked_out_order_id && row.checked_out_at && { checkedOut: { orderId: orderId(row.checked_out_order_id), at: row.checked_out_at } }),
    },
    row.version,
  );
}

/** One multi-row INSERT for all lines, in the cart's order: `[placeholders, values]`. */
export function cartLineInsert(cart: Cart): [string, unknown[]] {
  const values: unknown[] = [];
  const tuples = cart.lines.map((line, index) => {
    values.push(cart.id, index + 1, line.sku, line.quantity, line.unitPrice.amount);
    const p = index * 5;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
  });
  return [tuples.join(', '), values];
}
