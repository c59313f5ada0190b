import { PricedLine, SaleSnapshot } from '@bazaar/finance-domain';
import { money } from '@bazaar/shared-kernel';
import { entriesJson, RevenueEventJson, toRevenueEventSnapshot } from './revenue-event.rows';

/** What `selectSales` answers for an order: its sales row (null columns when it has none yet) and its entries. */
export interface SaleRow {
  readonly order_id: string;
  readonly buyer_id: string | null;
  readonly lines: readonly StoredLine[] | null;
  readonly total: string | null;
  readonly currency: string | null;
  readonly shipment_id: string | null;
  readonly dispatched_at: Date | null;
  readonly cancelled_at: Date | null;
  readonly version: number | null;
  readonly entries: readonly RevenueEventJson[];
}

/** A sale's line as kept in `sales.lines` (jsonb): amounts in minor units of the sale's currency. */
export interface StoredLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly lineTotal: number;
}

/**
 * The sales of the orders $1 (uuid[]) and their entries in one round trip, a row per order.
 * Starting from the order ids rather than the rows answers an order deferred by an earlier release
 * too (entries, no row).
 */
export const selectSales = `
  SELECT o.order_id, s.buyer_id, s.lines, s.total::text AS total, s.currency, s.shipment_id, s.dispatched_at, s.cancelled_at, s.version,
         ${entriesJson('o.order_id')} AS entries
    FROM (SELECT DISTINCT unnest($1::uuid[]) AS order_id) o LEFT JOIN sales s ON s.order_id = o.order_id`;

export function toSaleSnapshot(row: SaleRow): SaleSnapshot {
  const { buyer_id: buyerId, lines, total, currency } = row;
  return {
    orderId: row.order_id,
    terms: buyerId && lines && total && currency ? { buyerId, lines: lines.map((line) => pricedLine(line, currency)), total: money(Number(total), currency) } : null,
    dispatch: row.shipment_id && row.dispatched_at ? { shipmentId: row.shipment_id, dispatchedAt: row.dispatched_at } : null,
    cancelledAt: row.cancelled_at,
    entries: row.entries.map(toRevenueEventSnapshot),
  };
}

export function storedLines(lines: readonly PricedLine[]): StoredLine[] {
  return lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice: unitPrice.amount, lineTotal: lineTotal.amount }));
}

function pricedLine(line: StoredLine, currency: string): PricedLine {
  return { sku: line.sku, quantity: line.quantity, unitPrice: money(line.unitPrice, currency), lineTotal: money(line.lineTotal, currency) };
}
