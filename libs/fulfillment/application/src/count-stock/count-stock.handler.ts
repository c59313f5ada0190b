import { stamp, StockItem, StockItems } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { CountStock } from './count-stock.command';

/**
 * Sets the counted stock of a SKU, stocking it if it was never stocked. Refused below what is
 * reserved (StockBelowReserved): those units are on the shelf, promised to orders.
 */
export class CountStockHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stock: StockItems,
    private readonly clock: Clock,
  ) {}

  execute(command: CountStock): Promise<void> {
    return this.unitOfWork.run(async () => {
      const [item = StockItem.notStocked(command.sku)] = await this.stock.holding([command.sku]);
      item.count(command.onHand, stamp(this.clock.now(), command.actor ?? null));
      await this.stock.save([item]);
    });
  }
}
