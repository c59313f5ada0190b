import { StockItem } from '@bazaar/fulfillment-domain';

/** One stock item as the SELECT in TypeOrmStockItems returns it. */
export interface StockItemRow {
  readonly sku: string;
  readonly on_hand: number;
  readonly reserved: number;
  readonly counted_at: Date;
  readonly counted_by: string | null;
  readonly version: number;
}

export const selectStockItems = 'SELECT sku, on_hand, reserved, counted_at, counted_by, version FROM stock_items';

export function toStockItem(row: StockItemRow): StockItem {
  return StockItem.restore({ sku: row.sku, onHand: row.on_hand, reserved: row.reserved, lastCounted: { at: row.counted_at, by: row.counted_by } }, row.version);
}
