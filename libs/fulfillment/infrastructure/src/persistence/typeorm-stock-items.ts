import { StockItem, StockItems } from '@bazaar/fulfillment-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { selectStockItems, StockItemRow, toStockItem } from './stock-item.rows';

/**
 * Stock items in PostgreSQL. `holding` locks the rows (`FOR UPDATE`) in one order — by SKU, in the
 * "C" collation — so that units of work over overlapping SKUs queue behind each other instead of
 * deadlocking, and none of them decides on a count another is about to change. Saves are still
 * version-checked (a writer that did not hold the rows is caught).
 */
export class TypeOrmStockItems extends StockItems {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async holding(skus: readonly string[]): Promise<readonly StockItem[]> {
    if (skus.length === 0) return [];
    const rows: StockItemRow[] = await this.transactions.manager.query(`${selectStockItems} WHERE sku = ANY($1::text[]) ORDER BY sku COLLATE "C" FOR UPDATE`, [skus]);
    return rows.map(toStockItem);
  }

  async save(items: readonly StockItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.transactions.run(async (manager) => {
      const fresh = items.filter((item) => item.version === 0);
      const changed = items.filter((item) => item.version > 0);
      if (fresh.length > 0) await this.insert(manager, fresh);
      if (changed.length > 0) await this.update(manager, changed);
    });
  }

  private async insert(manager: EntityManager, items: readonly StockItem[]): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO stock_items (sku, on_hand, reserved, counted_at, counted_by, version)
         SELECT sku, on_hand, reserved, counted_at, counted_by, 1
           FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::text[]) AS s (sku, on_hand, reserved, counted_at, counted_by)`,
        columnsOf(items),
      );
    } catch (error) {
      // Someone stocked one of these SKUs since we looked: retrying finds it and changes it instead.
      if (isUniqueViolation(error, 'stock_items_pkey')) throw new ConcurrencyConflict('Stock item', items.map((item) => item.sku).join(', '));
      throw error;
    }
  }

  /** One statement for every changed item; fewer rows than items means someone else wrote one of them. */
  private async update(manager: EntityManager, items: readonly StockItem[]): Promise<void> {
    const [, affected] = (await manager.query(
      `UPDATE stock_items s
          SET on_hand = v.on_hand, reserved = v.reserved, counted_at = v.counted_at, counted_by = v.counted_by, version = s.version + 1
         FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::int[])
              AS v (sku, on_hand, reserved, counted_at, counted_by, version)
        WHERE s.sku = v.sku AND s.version = v.version`,
      [...columnsOf(items), items.map((item) => item.version)],
    )) as [unknown, number];
    if (affected !== items.length) throw new ConcurrencyConflict('Stock item', items.map((item) => item.sku).join(', '));
  }
}

function columnsOf(items: readonly StockItem[]): unknown[] {
  const snapshots = items.map((item) => item.snapshot());
  return [
    snapshots.map((s) => s.sku),
    snapshots.map((s) => s.onHand),
    snapshots.map((s) => s.reserved),
    // A stored item has always been counted; the domain only stores counted ones.
    snapshots.map((s) => s.lastCounted?.at ?? null),
    snapshots.map((s) => s.lastCounted?.by ?? null),
  ];
}
