import { stamp, StockItem, StockItems } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { SeedStock } from './seed-stock.command';

export interface SeedReport {
  /** SKUs it stocked: the warehouse did not know them. */
  readonly stocked: readonly string[];
  /** SKUs it left alone: already stocked, so their count (and reservations) are the warehouse's. */
  readonly kept: readonly string[];
}

/**
 * Stocks each SKU of the catalogue that was never stocked, with its on-hand count, and leaves every
 * other SKU as it is — so running it again, or after the warehouse changed counts, changes nothing.
 * All SKUs or none: one unit of work.
 */
export class SeedStockHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stock: StockItems,
    private readonly clock: Clock,
  ) {}

  execute(command: SeedStock): Promise<SeedReport> {
    return this.unitOfWork.run(async () => {
      const skus = [...new Set(command.items.map((item) => item.sku))].sort();
      const known = new Set((await this.stock.holding(skus)).map((item) => item.sku));
      const counted = stamp(this.clock.now(), command.actor);
      const fresh = command.items
        .filter((item) => !known.has(item.sku))
        .map(({ sku, onHand }) => {
          const item = StockItem.notStocked(sku);
          item.count(onHand, counted);
          return item;
        });
      await this.stock.save(fresh);
      return { stocked: fresh.map((item) => item.sku), kept: [...known] };
    });
  }
}
