import { StockItem, StockItems } from '@bazaar/fulfillment-domain';
import { aggregateBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
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

  /**
   * The items with the unit of work's closing statement: the new ones in one INSERT, the changed
   * ones in one version-checked UPDATE. Fewer rows than items means someone else stocked or wrote
   * one of them first: ConcurrencyConflict, and nothing of the unit is written (retrying finds it).
   */
  save(items: readonly StockItem[]): Promise<void> {
    return this.transactions.run(async () => {
      for (const item of items) await this.transactions.gather(this.#saved, item);
    });
  }

  readonly #saved = aggregateBatch<StockItem>({ insert: (fresh) => [insertStatement(fresh)], update: (changed) => [updateStatement(changed)] });
}

function insertStatement(items: readonly StockItem[]): WriteStatement {
  return {
    text: `INSERT INTO stock_items (sku, on_hand, reserved, counted_at, counted_by, version)
           SELECT sku, on_hand, reserved, counted_at, counted_by, 1
             FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::text[]) AS s (sku, on_hand, reserved, counted_at, counted_by)
           ON CONFLICT (sku) DO NOTHING RETURNING sku`,
    values: columnsOf(items),
    expect: { rows: items.length, otherwise: () => new ConcurrencyConflict('Stock item', items.map((item) => item.sku).join(', ')) },
  };
}

function updateStatement(items: readonly StockItem[]): WriteStatement {
  return {
    text: `UPDATE stock_items s
              SET on_hand = v.on_hand, reserved = v.reserved, counted_at = v.counted_at, counted_by = v.counted_by, version = s.version + 1
             FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::int[])
                  AS v (sku, on_hand, reserved, counted_at, counted_by, version)
            WHERE s.sku = v.sku AND s.version = v.version
            RETURNING s.sku`,
    values: [...columnsOf(items), items.map((item) => item.version)],
    expect: { rows: items.length, otherwise: () => new ConcurrencyConflict('Stock item', items.map((item) => item.sku).join(', ')) },
  };
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
