import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { GetInvoiceHandler } from '../get-invoice/get-invoice.handler';
import { GetTrialBalanceHandler } from '../get-trial-balance/get-trial-balance.handler';
import { ListInvoicesForOrderHandler } from '../list-invoices-for-order/list-invoices-for-order.handler';
import { ListRevenueEventsForOrderHandler } from '../list-revenue-events-for-order/list-revenue-events-for-order.handler';
import { RecognizeRevenueHandler } from '../recognize-revenue/recognize-revenue.handler';
import { RecordDeferredRevenueHandler } from '../record-deferred-revenue/record-deferred-revenue.handler';
import { ReverseRevenueHandler } from '../reverse-revenue/reverse-revenue.handler';
import { InvoiceOnRecognition } from '../shared/invoice-on-recognition';
import { SaleChanges } from '../shared/sale-changes';
import { InMemoryInvoiceNumbers } from './in-memory-invoice-numbers';
import { InMemoryInvoices } from './in-memory-invoices';
import { InMemoryLedgerQueries } from './in-memory-ledger-queries';
import { InMemorySales } from './in-memory-sales';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';

/**
 * Finance's application on in-memory fakes, wired as the Nest module wires it, sharing one clock and
 * one id sequence (`revenue-1`, …, named by `idPrefix`): what a spec drives.
 */
export function financeFakes({ now = new Date('2026-11-22T14:00:00.150Z'), idPrefix = 'id', sales = new InMemorySales(), invoices = new InMemoryInvoices() } = {}) {
  const clock = new FixedClock(now);
  const ids = new SequentialIds(idPrefix);
  const numbers = new InMemoryInvoiceNumbers();
  const unitOfWork = new InMemoryUnitOfWork(sales, invoices, numbers);
  const changes = new SaleChanges(sales, new InvoiceOnRecognition(invoices, numbers, ids), unitOfWork);
  const ledger = new InMemoryLedgerQueries(sales);
  return {
    sales,
    invoices,
    numbers,
    clock,
    ids,
    ledger,
    defer: new RecordDeferredRevenueHandler(changes, clock, ids),
    recognize: new RecognizeRevenueHandler(changes, clock, ids),
    reverse: new ReverseRevenueHandler(changes, clock, ids),
    listRevenueEvents: new ListRevenueEventsForOrderHandler(ledger),
    trialBalance: new GetTrialBalanceHandler(ledger),
    listInvoices: new ListInvoicesForOrderHandler(invoices),
    getInvoice: new GetInvoiceHandler(invoices),
  };
}

export type FinanceFakes = ReturnType<typeof financeFakes>;
