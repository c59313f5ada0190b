import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { SaleChanges } from '../shared/sale-changes';
import { RecognizeRevenue } from './recognize-revenue.command';

/**
 * Recognizes the order's deferred revenue and invoices its buyer, once: asking again changes
 * nothing. Before the payment is known the dispatch is remembered, and the deferral recognizes it
 * (answer: undefined, nothing earned yet). A dispatch of an order whose revenue was reversed is
 * refused (RevenueAlreadyReversed), for a person to look at. Answers the recognition entry's id.
 */
export class RecognizeRevenueHandler {
  constructor(
    private readonly sales: SaleChanges,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RecognizeRevenue): Promise<string | undefined> {
    const dispatch = { shipmentId: command.shipmentId, dispatchedAt: command.dispatchedAt };
    const sale = await this.sales.apply(command.orderId, (sale) => sale.recordDispatch(dispatch, this.clock.now(), this.ids));
    return sale.entry('recognized')?.id;
  }
}
