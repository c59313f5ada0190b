import { StockLevel, StockLevels } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';

/** Stock levels selected straight for display; a SKU never stocked answers zeros. */
export class TypeOrmStockLevels extends StockLevels {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async of(sku: string): Promise<StockLevel> {
    const rows: { on_hand: number; reserved: number }[] = await this.transactions.manager.query('SELECT on_hand, reserved FROM stock_items WHERE sku = $1', [sku]);
    const { on_hand: onHand = 0, reserved = 0 } = rows[0] ?? {};
    return { sku, onHand, reserved, available: onHand - reserved };
  }
}
