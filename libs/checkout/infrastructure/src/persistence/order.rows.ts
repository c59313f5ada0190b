import { Order, orderId, OrderLine, OrderStatus, ShippingAddress } from '@bazaar/checkout-domain';
import { money, multiplyMoney } from '@bazaar/shared-kernel';
import { openAddress } from './buyer-data-keys';
import { lifecycleColumns, lifecycleOf, OrderLifecycleRow } from './order-lifecycle.rows';

/** Row shapes as PostgreSQL returns them (bigint arrives as a string). */
export interface OrderRow extends OrderLifecycleRow {
  id: string;
  buyer_id: string;
  status: OrderStatus;
  /** The address sealed with the buyer's data key; null only on rows written before sealing. */
  ship_sealed: string | null;
  /** Plaintext address of rows written before sealing; null on sealed rows. */
  ship_name: string | null;
  ship_line1: string | null;
  ship_line2: string | null;
  ship_city: string | null;
  ship_postal_code: string | null;
  ship_country: string | null;
  payment_token: string;
  placed_at: Date;
  version: number;
}

/** The columns of an {@link OrderRow}, by name (statements are prepared: see PreparingClient). */
export const orderColumns = [
  'id',
  'buyer_id',
  'ship_sealed',
  'ship_name',
  'ship_line1',
  'ship_line2',
  'ship_city',
  'ship_postal_code',
  'ship_country',
  'payment_token',
  'placed_at',
  'version',
  ...lifecycleColumns,
] as const;

export interface OrderLineRow {
  sku: string;
  quantity: number;
  unit_price_amount: string;
  unit_price_currency: string;
}

/** `dataKey`: the buyer's, unwrapped (the row's address is sealed with it). */
export function toOrder(row: OrderRow, lineRows: readonly OrderLineRow[], dataKey: Buffer | undefined): Order {
  return Order.restore(
    {
      id: orderId(row.id),
      buyerId: row.buyer_id,
      status: row.status,
      lines: lineRows.map(toLine),
      ...addressOf(row, dataKey),
      paymentToken: row.payment_token,
      placedAt: row.placed_at,
      ...lifecycleOf(row),
    },
    row.version,
  );
}

/** The address columns of an {@link OrderRow}. */
export type OrderAddressRow = Pick<OrderRow, 'id' | 'buyer_id' | 'ship_sealed' | 'ship_name' | 'ship_line1' | 'ship_line2' | 'ship_city' | 'ship_postal_code' | 'ship_country'>;

/** The address, opened; none once the buyer's data key was deleted (erased). */
export function addressOf(row: OrderAddressRow, dataKey: Buffer | undefined): { shippingAddress?: ShippingAddress } {
  if (row.ship_sealed === null) {
    if (row.ship_name === null) return {};
    const shippingAddress: ShippingAddress = {
      name: row.ship_name ?? '',
      line1: row.ship_line1 ?? '',
      ...(row.ship_line2 === null ? {} : { line2: row.ship_line2 }),
      city: row.ship_city ?? '',
      postalCode: row.ship_postal_code ?? '',
      country: row.ship_country ?? '',
    };
    return { shippingAddress };
  }
  return dataKey ? { shippingAddress: openAddress(dataKey, row.buyer_id, row.id, row.ship_sealed) } : {};
}

export function toLine(row: OrderLineRow): OrderLine {
  const unitPrice = money(Number(row.unit_price_amount), row.unit_price_currency);
  return { sku: row.sku, quantity: row.quantity, unitPrice, lineTotal: multiplyMoney(unitPrice, row.quantity) };
}

/** Parameters of the `orders` INSERT, in column order: the address only sealed (`sealedAddress`). */
export function orderValues(order: Order, sealedAddress: string): unknown[] {
  return [order.id, order.buyerId, order.status, order.total.amount, order.total.currency, sealedAddress, order.paymentToken, order.placedAt];
}

/**
 * The lines as four arrays, column by column (SKUs, quantities, unit price amounts and currencies),
 * in line order: the `orders` INSERT's statement unnests them into `order_lines`. One statement
 * text whatever the number of lines, so one prepared statement.
 */
export function lineArrays(order: Order): [string[], number[], number[], string[]] {
  const { lines } = order;
  return [lines.map((line) => line.sku), lines.map((line) => line.quantity), lines.map((line) => line.unitPrice.amount), lines.map((line) => line.unitPrice.currency)];
}
