import { StockLevel, StockLevels } from '../ports/stock-levels';
import { GetStockLevel } from './get-stock-level.query';

/** A SKU's stock level; a SKU never stocked answers zeros (nothing on hand, nothing available), not an error. */
export class GetStockLevelHandler {
  constructor(private readonly levels: StockLevels) {}

  execute(query: GetStockLevel): Promise<StockLevel> {
    return this.levels.of(query.sku);
  }
}
