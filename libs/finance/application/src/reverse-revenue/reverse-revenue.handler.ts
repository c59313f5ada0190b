import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { SaleChanges } from '../shared/sale-changes';
import { ReverseRevenue } from './reverse-revenue.command';

/**
 * One reversal per order, for the amount its deferred entry holds: asking again is a no-op answering
 * the existing reversal's id. With no deferred entry there is nothing to reverse yet
 * (NoDeferredRevenueToReverse), and earned revenue is never reversed (RevenueAlreadyRecognized):
 * either way the request waits for a person instead of vanishing.
 */
export class ReverseRevenueHandler {
  constructor(
    private readonly sales: SaleChanges,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: ReverseRevenue): Promise<string> {
    const sale = await this.sales.apply(command.orderId, (sale) => sale.reverse(this.clock.now(), this.ids));
    const reversal = sale.entry('reversal');
    if (!reversal) throw new Error(`Order ${command.orderId}: reversal left no reversal entry`);
    return reversal.id;
  }
}
