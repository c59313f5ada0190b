import { StockItem, StockItems, StockItemSnapshot } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { StockLevel, StockLevels } from '../ports/stock-levels';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** A faithful fake of the stock store: versions checked, SKUs never stocked absent. It does not lock: races are the integration specs'. */
export class InMemoryStockItems extends StockItems implements StockLevels, Transactional {
  #rows = new Map<string, { snapshot: StockItemSnapshot; version: number }>();
  /** The SKUs each `holding` call asked for, in the order asked. */
  readonly held: (readonly string[])[] = [];

  async holding(skus: readonly string[]): Promise<readonly StockItem[]> {
    this.held.push(skus);
    return skus.flatMap((sku) => {
      const row = this.#rows.get(sku);
      return row ? [StockItem.restore(row.snapshot, row.version)] : [];
    });
  }

  async save(items: readonly StockItem[]): Promise<void> {
    for (const item of items) {
      if ((this.#rows.get(item.sku)?.version ?? 0) !== item.version) throw new ConcurrencyConflict('Stock item', item.sku);
    }
    for (const item of items) this.#rows.set(item.sku, { snapshot: item.snapshot(), version: item.version + 1 });
  }

  async of(sku: string): Promise<StockLevel> {
    const { onHand = 0, reserved = 0 } = this.#rows.get(sku)?.snapshot ?? {};
    return { sku, onHand, reserved, available: onHand - reserved };
  }

  /** Puts stock on the shelf as it is, without any rule. */
  seed(sku: string, onHand: number, reserved = 0): void {
    this.#rows.set(sku, { snapshot: { sku, onHand, reserved, lastCounted: { at: new Date('2026-11-21T08:00:00.000Z'), by: null } }, version: 1 });
  }

  /** The stored state of a SKU, or undefined when it was never stocked. */
  stored(sku: string): StockItemSnapshot | undefined {
    return this.#rows.get(sku)?.snapshot;
  }

  snapshot(): () => void {
    const rows = new Map(this.#rows);
    return () => {
      this.#rows = rows;
    };
  }
}
