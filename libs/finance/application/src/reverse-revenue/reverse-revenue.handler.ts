import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { SaleChanges } from '../shared/sale-changes';
import { ReverseRevenue } from './reverse-revenue.command';

/**
 * The order was cancelled: its sale remembers it, and its deferred revenue is reversed, once, for
 * the amount the deferred entry holds; answers the reversal's id (asking again answers the same).
 * With nothing deferred there is nothing to reverse: no id, and a payment authorization heard
 * later defers nothing. Earned revenue is never reversed (RevenueAlreadyRecognized): that waits for
 * a person instead of vanishing.
 */
export class ReverseRevenueHandler {
  constructor(
    private readonly sales: SaleChanges,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: ReverseRevenue): Promise<string | undefined> {
    const sale = await this.sales.apply(command.orderId, (sale) => sale.cancel(this.clock.now(), this.ids));
    return sale.entry('reversal')?.id;
  }
}
