import { DynamicModule, Module } from '@nestjs/common';
import {
  CancelSubscriptionHandler,
  GetInvoiceHandler,
  GetReconciliationHandler,
  GetSubscriptionHandler,
  PeriodInvoicing,
  RecordInvoiceLineHandler,
  RenewDueSubscriptionsHandler,
  StartSubscriptionHandler,
  SubscriptionQueries,
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
import {
  BillingAccounts,
  InvoiceLineRecordings,
  InvoiceNumbers,
  Invoices,
  periodLength,
  PlanCatalogue,
  Sales,
  SellerInvoiceNumbers,
  SellerInvoices,
  Subscriptions,
} from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { JsonLogger, SERVICE_LOGGER } from '@bazaar/platform-service';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { LegacyBillingClient } from './acl/legacy-billing/legacy-billing-client';
import { LegacyBillingConfirmations } from './acl/legacy-billing/legacy-billing-confirmations';
import { LegacyBillingDispatcher } from './acl/legacy-billing/legacy-billing-dispatcher';
import { LegacyBillingQueue } from './acl/legacy-billing/legacy-billing-queue';
import { LegacyBillingWorker } from './acl/legacy-billing/legacy-billing-worker';
import { FinanceSettings } from './finance-settings';
import { ReconciliationController } from './http/reconciliation.controller';
import { SubscriptionsController } from './http/subscriptions.controller';
import { TypeOrmBillingAccounts } from './persistence/typeorm-billing-accounts';
import { TypeOrmInvoiceLineRecordings } from './persistence/typeorm-invoice-line-recordings';
import { TypeOrmSellerInvoices } from './persistence/typeorm-seller-invoices';
import { TypeOrmSubscriptionQueries } from './persistence/typeorm-subscription-queries';
import { TypeOrmSubscriptions } from './persistence/typeorm-subscriptions';
import { SubscriptionRenewalWorker } from './scheduling/subscription-renewal-worker';
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

/**
 * Finance, wired: HTTP, Kafka and the clock in, use cases, PostgreSQL and (through its
 * anticorruption layer) the legacy billing system out. The settings come from `financeService`.
 */
@Module({})
export class FinanceModule {
  static with(settings: FinanceSettings): DynamicModule {
    return { module: FinanceModule, controllers, providers: [{ provide: FinanceSettings, useValue: settings }, ...providers, ...subscriptionProviders(settings)] };
  }
}

const controllers = [
  RevenueEventsController,
  InvoicesController,
  LedgerController,
  SubscriptionsController,
  ReconciliationController,
  CheckoutEventsConsumer,
  FulfillmentEventsConsumer,
];

const providers = [
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
];

/** Sellers' subscriptions, their renewal clock, and the anticorruption layer to the legacy billing system. */
function subscriptionProviders(settings: FinanceSettings) {
  const legacy = settings.legacyBilling;
  return [
    // The ACL's queue is written by the repositories, in their transactions.
    { provide: LegacyBillingQueue, useValue: new LegacyBillingQueue() },
    {
      provide: Subscriptions,
      useFactory: (tx: Transactions, outbox: Outbox, queue: LegacyBillingQueue) => new TypeOrmSubscriptions(tx, outbox, queue),
      inject: [Transactions, Outbox, LegacyBillingQueue],
    },
    { provide: BillingAccounts, useFactory: (tx: Transactions, queue: LegacyBillingQueue) => new TypeOrmBillingAccounts(tx, queue), inject: [Transactions, LegacyBillingQueue] },
    { provide: SellerInvoices, useFactory: (tx: Transactions, queue: LegacyBillingQueue) => new TypeOrmSellerInvoices(tx, queue), inject: [Transactions, LegacyBillingQueue] },
    { provide: SellerInvoiceNumbers, useFactory: (tx: Transactions) => new TypeOrmInvoiceNumbers(tx, 'seller_invoice_number_counters'), inject: [Transactions] },
    { provide: InvoiceLineRecordings, useFactory: (tx: Transactions) => new TypeOrmInvoiceLineRecordings(tx), inject: [Transactions] },
    { provide: SubscriptionQueries, useFactory: (tx: Transactions) => new TypeOrmSubscriptionQueries(tx), inject: [Transactions] },
    { provide: PlanCatalogue, useValue: new PlanCatalogue(settings.subscriptions.plans) },
    {
      provide: PeriodInvoicing,
      useFactory: (invoices: SellerInvoices, numbers: SellerInvoiceNumbers, ids: IdGenerator) => new PeriodInvoicing(invoices, numbers, ids),
      inject: [SellerInvoices, SellerInvoiceNumbers, IdGenerator],
    },
    {
      provide: StartSubscriptionHandler,
      useFactory: (
        subscriptions: Subscriptions,
        accounts: BillingAccounts,
        invoicing: PeriodInvoicing,
        catalogue: PlanCatalogue,
        unitOfWork: UnitOfWork,
        clock: Clock,
        ids: IdGenerator,
      ) => new StartSubscriptionHandler(subscriptions, accounts, invoicing, catalogue, periodLength(settings.subscriptions.periodMs), unitOfWork, clock, ids),
      inject: [Subscriptions, BillingAccounts, PeriodInvoicing, PlanCatalogue, UnitOfWork, Clock, IdGenerator],
    },
    {
      provide: RenewDueSubscriptionsHandler,
      useFactory: (subscriptions: Subscriptions, accounts: BillingAccounts, invoicing: PeriodInvoicing, unitOfWork: UnitOfWork, clock: Clock) =>
        new RenewDueSubscriptionsHandler(subscriptions, accounts, invoicing, unitOfWork, clock),
      inject: [Subscriptions, BillingAccounts, PeriodInvoicing, UnitOfWork, Clock],
    },
    {
      provide: CancelSubscriptionHandler,
      useFactory: (subscriptions: Subscriptions, clock: Clock) => new CancelSubscriptionHandler(subscriptions, clock),
      inject: [Subscriptions, Clock],
    },
    { provide: GetSubscriptionHandler, useFactory: (queries: SubscriptionQueries) => new GetSubscriptionHandler(queries), inject: [SubscriptionQueries] },
    {
      provide: GetReconciliationHandler,
      useFactory: (queries: SubscriptionQueries, clock: Clock) => new GetReconciliationHandler(queries, clock),
      inject: [SubscriptionQueries, Clock],
    },
    { provide: RecordInvoiceLineHandler, useFactory: (recordings: InvoiceLineRecordings) => new RecordInvoiceLineHandler(recordings), inject: [InvoiceLineRecordings] },
    SubscriptionRenewalWorker,

    // The anticorruption layer: its client, the dispatcher of the queue, the reader of confirmations.
    { provide: LegacyBillingClient, useValue: new LegacyBillingClient({ baseUrl: legacy.baseUrl, timeoutMs: legacy.timeoutMs }) },
    {
      provide: LegacyBillingConfirmations,
      useFactory: (tx: Transactions, client: LegacyBillingClient, record: RecordInvoiceLineHandler, logger: JsonLogger) =>
        new LegacyBillingConfirmations(tx, client, record, logger),
      inject: [Transactions, LegacyBillingClient, RecordInvoiceLineHandler, SERVICE_LOGGER],
    },
    {
      provide: LegacyBillingDispatcher,
      useFactory: (tx: Transactions, client: LegacyBillingClient, confirmations: LegacyBillingConfirmations, clock: Clock) =>
        new LegacyBillingDispatcher(tx, client, confirmations, clock, legacy),
      inject: [Transactions, LegacyBillingClient, LegacyBillingConfirmations, Clock],
    },
    LegacyBillingWorker,
  ];
}
