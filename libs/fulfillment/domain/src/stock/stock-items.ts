import { StockItem } from './stock-item';

/** The repository port for stock items, one per SKU. */
export abstract class StockItems {
  /**
   * The stored stock items of these SKUs (SKUs never stocked are simply absent), held for the rest
   * of the unit of work: concurrent writers of the same SKUs wait for it. Every caller holds them in
   * the same order (by SKU), so two units of work over overlapping SKUs queue instead of deadlocking.
   */
  abstract holding(skus: readonly string[]): Promise<readonly StockItem[]>;

  /** Stores new or changed items (version-checked); throws ConcurrencyConflict when another writer got there first. */
  abstract save(items: readonly StockItem[]): Promise<void>;
}
