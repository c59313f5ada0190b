import { Module } from '@nestjs/common';
import {
  GetInvoiceHandler,
  GetTrialBalanceHandler,
  InvoiceOnRecognition,
  InvoiceQueries,
  LedgerQueries,
  ListInvoicesForOrderHandler,
  ListRevenueEventsForOrderHandler,
  RecognizeRevenueHandler,
  RecordDeferredRevenueHandler,
  ReverseRevenueHandler,
  SaleChanges,
  UnitOfWork,
} from '@bazaar/finance-application';
import { InvoiceNumbers, Invoices, Sales } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { InvoicesController } from './http/invoices.controller';
import { LedgerController } from './http/ledger.controller';
import { RevenueEventsController } from './http/revenue-events.controller';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { TypeOrmInvoiceNumbers } from './persistence/typeorm-invoice-numbers';
import { TypeOrmInvoiceQueries } from './persistence/typeorm-invoice-queries';
import { TypeOrmInvoices } from './persistence/typeorm-invoices';
import { TypeOrmLedgerQueries } from './persistence/typeorm-ledger-queries';
import { TypeOrmSales } from './persistence/typeorm-sales';

/** Finance, wired: HTTP and Kafka in, use cases, PostgreSQL out. */
@Module({
  controllers: [RevenueEventsController, InvoicesController, LedgerController, CheckoutEventsConsumer, FulfillmentEventsConsumer],
  providers: [
    // Ports: the unit of work is a database transaction every adapter joins.
    { provide: UnitOfWork, useExisting: Transactions },
    { provide: Sales, useFactory: (transactions: Transactions, outbox: Outbox) => new TypeOrmSales(transactions, outbox), inject: [Transactions, Outbox] },
    { provide: Invoices, useFactory: (transactions: Transactions, outbox: Outbox) => new TypeOrmInvoices(transactions, outbox), inject: [Transactions, Outbox] },
    { provide: InvoiceNumbers, useFactory: (transactions: Transactions) => new TypeOrmInvoiceNumbers(transactions), inject: [Transactions] },
    { provide: LedgerQueries, useFactory: (transactions: Transactions) => new TypeOrmLedgerQueries(transactions), inject: [Transactions] },
    { provide: InvoiceQueries, useFactory: (transactions: Transactions) => new TypeOrmInvoiceQueries(transactions), inject: [Transactions] },

    // Changing a sale: the one path every command takes, invoicing on recognition.
    {
      provide: InvoiceOnRecognition,
      useFactory: (invoices: Invoices, numbers: InvoiceNumbers, ids: IdGenerator) => new InvoiceOnRecognition(invoices, numbers, ids),
      inject: [Invoices, InvoiceNumbers, IdGenerator],
    },
    {
      provide: SaleChanges,
      useFactory: (sales: Sales, invoicing: InvoiceOnRecognition, unitOfWork: UnitOfWork) => new SaleChanges(sales, invoicing, unitOfWork),
      inject: [Sales, InvoiceOnRecognition, UnitOfWork],
    },

    // Commands.
    {
      provide: RecordDeferredRevenueHandler,
      useFactory: (sales: SaleChanges, clock: Clock, ids: IdGenerator) => new RecordDeferredRevenueHandler(sales, clock, ids),
      inject: [SaleChanges, Clock, IdGenerator],
    },
    {
      provide: RecognizeRevenueHandler,
      useFactory: (sales: SaleChanges, clock: Clock, ids: IdGenerator) => new RecognizeRevenueHandler(sales, clock, ids),
      inject: [SaleChanges, Clock, IdGenerator],
    },
    {
      provide: ReverseRevenueHandler,
      useFactory: (sales: SaleChanges, clock: Clock, ids: IdGenerator) => new ReverseRevenueHandler(sales, clock, ids),
      inject: [SaleChanges, Clock, IdGenerator],
    },

    // Queries.
    { provide: ListRevenueEventsForOrderHandler, useFactory: (ledger: LedgerQueries) => new ListRevenueEventsForOrderHandler(ledger), inject: [LedgerQueries] },
    { provide: GetTrialBalanceHandler, useFactory: (ledger: LedgerQueries) => new GetTrialBalanceHandler(ledger), inject: [LedgerQueries] },
    { provide: ListInvoicesForOrderHandler, useFactory: (invoices: InvoiceQueries) => new ListInvoicesForOrderHandler(invoices), inject: [InvoiceQueries] },
    { provide: GetInvoiceHandler, useFactory: (invoices: InvoiceQueries) => new GetInvoiceHandler(invoices), inject: [InvoiceQueries] },
  ],
})
export class FinanceModule {}
