import { skusInLockOrder, StockBySku, StockItem, StockItems } from '@bazaar/fulfillment-domain';

/**
 * Loads and holds the stock items of these lines' SKUs in lock order, in one read, for the rest of
 * the unit of work; a SKU never stocked stands in as not stocked (nothing on hand, never saved).
 * No lines, no read.
 */
export async function holdStockOf(stock: StockItems, lines: readonly { readonly sku: string }[]): Promise<StockBySku> {
  const skus = skusInLockOrder(lines);
  if (skus.length === 0) return new Map();
  const held = new Map((await stock.holding(skus)).map((item) => [item.sku, item]));
  return new Map(skus.map((sku) => [sku, held.get(sku) ?? StockItem.notStocked(sku)]));
}

/** The stored items among them: what a reservation that held, released or shipped stock has changed. */
export function storedItems(stock: StockBySku): StockItem[] {
  return [...stock.values()].filter((item) => item.isStocked);
}
