import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { GetInvoiceHandler } from '../get-invoice/get-invoice.handler';
import { GetTrialBalanceHandler } from '../get-trial-balance/get-trial-balance.handler';
import { ListInvoicesForOrderHandler } from '../list-invoices-for-order/list-invoices-for-order.handler';
import { ListRevenueEventsForOrderHandler } from '../list-revenue-events-for-order/list-revenue-events-for-order.handler';
import { RecognizeRevenue } from '../recognize-revenue/recognize-revenue.command';
import { RecordDeferredRevenue } from '../record-deferred-revenue/record-deferred-revenue.command';
import { ReverseRevenue } from '../reverse-revenue/reverse-revenue.command';
import { SaleCommand } from '../sale-commands/sale-command';
import { SaleCommandsHandler } from '../sale-commands/sale-commands.handler';
import { InvoiceOnRecognition } from '../shared/invoice-on-recognition';
import { InMemoryInvoiceNumbers } from './in-memory-invoice-numbers';
import { InMemoryInvoices } from './in-memory-invoices';
import { InMemoryLedgerQueries } from './in-memory-ledger-queries';
import { InMemorySales } from './in-memory-sales';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';

/**
 * Finance's application on in-memory fakes, wired as the Nest module wires it, sharing one clock and
 * one id sequence (`revenue-1`, …, named by `idPrefix`): what a spec drives. `defer`, `recognize`
 * and `reverse` are batches of one of `saleCommands`, answering the command's id.
 */
export function financeFakes({ now = new Date('2026-11-22T14:00:00.150Z'), idPrefix = 'id', sales = new InMemorySales(), invoices = new InMemoryInvoices() } = {}) {
  const clock = new FixedClock(now);
  const ids = new SequentialIds(idPrefix);
  const numbers = new InMemoryInvoiceNumbers();
  const unitOfWork = new InMemoryUnitOfWork(sales, invoices, numbers);
  const saleCommands = new SaleCommandsHandler(sales, new InvoiceOnRecognition(invoices, numbers, ids), unitOfWork, clock, ids);
  const alone = async (command: SaleCommand) => (await saleCommands.execute([command]))[0];
  const ledger = new InMemoryLedgerQueries(sales);
  return {
    sales,
    invoices,
    numbers,
    clock,
    ids,
    ledger,
    saleCommands,
    defer: { execute: (command: RecordDeferredRevenue) => alone({ kind: 'defer', ...command }) },
    recognize: { execute: (command: RecognizeRevenue) => alone({ kind: 'recognize', ...command }) },
    reverse: { execute: (command: ReverseRevenue) => alone({ kind: 'reverse', ...command }) },
    listRevenueEvents: new ListRevenueEventsForOrderHandler(ledger),
    trialBalance: new GetTrialBalanceHandler(ledger),
    listInvoices: new ListInvoicesForOrderHandler(invoices),
    getInvoice: new GetInvoiceHandler(invoices),
  };
}

export type FinanceFakes = ReturnType<typeof financeFakes>;
