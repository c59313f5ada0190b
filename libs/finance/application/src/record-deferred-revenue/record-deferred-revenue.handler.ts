import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { SaleChanges } from '../shared/sale-changes';
import { RecordDeferredRevenue } from './record-deferred-revenue.command';

/**
 * One deferred entry per order: asking again is a no-op answering the existing entry's id. A
 * dispatch recorded before (the events came from different topics) is recognized and invoiced in
 * the same unit of work. An order Finance already knows is cancelled (its authorization arrived
 * after the cancellation) gets nothing, and no id is answered. Writers racing on one sale meet its
 * version check as a ConcurrencyConflict; the retry lands in the no-op.
 */
export class RecordDeferredRevenueHandler {
  constructor(
    private readonly sales: SaleChanges,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RecordDeferredRevenue): Promise<string | undefined> {
    const sale = await this.sales.apply(command.orderId, (sale) => sale.defer(command.terms, this.clock.now(), this.ids));
    const deferred = sale.entry('deferred');
    if (!deferred && !sale.cancelledAt) throw new Error(`Order ${command.orderId}: deferral left no deferred entry`);
    return deferred?.id;
  }
}
