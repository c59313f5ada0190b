import { Sale, Sales } from '@bazaar/finance-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { CausedRecognition, InvoiceOnRecognition } from '../shared/invoice-on-recognition';
import { SaleCommand } from './sale-command';

/**
 * How every command changes the sales, one command or many at once (a run of messages that share
 * a transaction): in one unit of work, it loads the sales of all their orders in one read, applies
 * each command to its order's sale in the order given — the same decisions, in the same order, as
 * one at a time, so a deferral, a cancellation and a dispatch of one order in one batch end as they
 * would have apart — then saves every changed sale in one go and invoices what was recognized.
 * Answers, per command, the id of the entry it is about (see below), or undefined.
 *
 * - `defer`: one deferred entry per order; asking again is a no-op answering the existing entry's
 *   id. A dispatch recorded before (the events came from different topics) is recognized and
 *   invoiced too. An order Finance already knows is cancelled (its authorization arrived after the
 *   cancellation) gets nothing, and no id is answered.
 * - `recognize`: recognizes the deferred revenue and invoices the buyer, once. Before the payment
 *   is known the dispatch is remembered, and the deferral recognizes it (no id: nothing earned
 *   yet). A dispatch of an order whose revenue was reversed is refused (RevenueAlreadyReversed).
 * - `reverse`: the sale remembers the cancellation, and its deferred revenue is reversed, once;
 *   answers the reversal's id. With nothing deferred nothing is reversed, and a payment
 *   authorization heard later defers nothing. Earned revenue is never reversed
 *   (RevenueAlreadyRecognized): that waits for a person instead of vanishing.
 *
 * A refusal fails the whole batch, and nothing of it is written: the caller applies the commands
 * again alone to find the one refused. Writers racing on one sale meet its version check as a
 * ConcurrencyConflict; the retry reads again and lands in the no-op.
 */
export class SaleCommandsHandler {
  constructor(
    private readonly sales: Sales,
    private readonly invoicing: InvoiceOnRecognition,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(commands: readonly SaleCommand[]): Promise<(string | undefined)[]> {
    if (commands.length === 0) return Promise.resolve([]);
    return this.unitOfWork.run(async () => {
      const stored = await this.sales.byOrders([...new Set(commands.map((command) => command.orderId))]);
      const sales = new Map<string, Sale>();
      const causes = new Map<object, unknown>();
      const recognitions: CausedRecognition[] = [];
      const answers: (string | undefined)[] = [];
      for (const command of commands) {
        let sale = sales.get(command.orderId);
        if (!sale) sales.set(command.orderId, (sale = stored.get(command.orderId) ?? Sale.open(command.orderId)));
        const recorded = sale.pendingEvents.length;
        const recognition = this.decide(sale, command);
        for (const event of sale.pendingEvents.slice(recorded)) causes.set(event, command.cause);
        if (recognition) recognitions.push({ recognition, cause: command.cause });
        answers.push(this.answer(sale, command));
      }
      await this.sales.saveAll(
        [...sales.values()].filter((sale) => sale.hasChanges),
        causes,
      );
      await this.invoicing.issueFor(recognitions);
      return answers;
    });
  }

  private decide(sale: Sale, command: SaleCommand) {
    const now = this.clock.now();
    switch (command.kind) {
      case 'defer':
        return sale.defer(command.terms, now, this.ids);
      case 'recognize':
        return sale.recordDispatch({ shipmentId: command.shipmentId, dispatchedAt: command.dispatchedAt }, now, this.ids);
      case 'reverse':
        sale.cancel(now, this.ids);
        return null;
    }
  }

  private answer(sale: Sale, command: SaleCommand): string | undefined {
    switch (command.kind) {
      case 'defer': {
        const deferred = sale.entry('deferred');
        if (!deferred && !sale.cancelledAt) throw new Error(`Order ${command.orderId}: deferral left no deferred entry`);
        return deferred?.id;
      }
      case 'recognize':
        return sale.entry('recognized')?.id;
      case 'reverse':
        return sale.entry('reversal')?.id;
    }
  }
}
