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
  SaleCommandsHandler,
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
import { built, builtAs, SERVICE_LOGGER } from '@bazaar/platform-service';
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
import { SaleCommandBatch } from './messaging/sale-command.batch';
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
  builtAs(Sales, TypeOrmSales, [Transactions, Outbox]),
  builtAs(Invoices, TypeOrmInvoices, [Transactions, Outbox]),
  builtAs(InvoiceNumbers, TypeOrmInvoiceNumbers, [Transactions]),
  builtAs(LedgerQueries, TypeOrmLedgerQueries, [Transactions]),
  builtAs(InvoiceQueries, TypeOrmInvoiceQueries, [Transactions]),

  // Commands: the one path every change of a sale takes, one command or a batch, invoicing on recognition.
  built(InvoiceOnRecognition, [Invoices, InvoiceNumbers, IdGenerator]),
  built(SaleCommandsHandler, [Sales, InvoiceOnRecognition, UnitOfWork, Clock, IdGenerator]),
  // What the consumers gather in a shared transaction, carried out together as it commits.
  built(SaleCommandBatch, [Transactions, SaleCommandsHandler]),

  // Queries.
  built(ListRevenueEventsForOrderHandler, [LedgerQueries]),
  built(GetTrialBalanceHandler, [LedgerQueries]),
  built(ListInvoicesForOrderHandler, [InvoiceQueries]),
  built(GetInvoiceHandler, [InvoiceQueries]),
];

/** Sellers' subscriptions, their renewal clock, and the anticorruption layer to the legacy billing system. */
function subscriptionProviders(settings: FinanceSettings) {
  const legacy = settings.legacyBilling;
  return [
    // The ACL's queue is written by the repositories, in their transactions.
    { provide: LegacyBillingQueue, useValue: new LegacyBillingQueue() },
    builtAs(Subscriptions, TypeOrmSubscriptions, [Transactions, Outbox, LegacyBillingQueue]),
    builtAs(BillingAccounts, TypeOrmBillingAccounts, [Transactions, LegacyBillingQueue]),
    builtAs(SellerInvoices, TypeOrmSellerInvoices, [Transactions, LegacyBillingQueue]),
    { provide: SellerInvoiceNumbers, useFactory: (tx: Transactions) => new TypeOrmInvoiceNumbers(tx, 'seller_invoice_number_counters'), inject: [Transactions] },
    builtAs(InvoiceLineRecordings, TypeOrmInvoiceLineRecordings, [Transactions]),
    builtAs(SubscriptionQueries, TypeOrmSubscriptionQueries, [Transactions]),
    { provide: PlanCatalogue, useValue: new PlanCatalogue(settings.subscriptions.plans) },
    built(PeriodInvoicing, [SellerInvoices, SellerInvoiceNumbers, IdGenerator]),
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
    built(RenewDueSubscriptionsHandler, [Subscriptions, BillingAccounts, PeriodInvoicing, UnitOfWork, Clock]),
    built(CancelSubscriptionHandler, [Subscriptions, Clock]),
    built(GetSubscriptionHandler, [SubscriptionQueries]),
    built(GetReconciliationHandler, [SubscriptionQueries, Clock]),
    built(RecordInvoiceLineHandler, [InvoiceLineRecordings]),
    SubscriptionRenewalWorker,

    // The anticorruption layer: its client, the dispatcher of the queue, the reader of confirmations.
    { provide: LegacyBillingClient, useValue: new LegacyBillingClient({ baseUrl: legacy.baseUrl, timeoutMs: legacy.timeoutMs }) },
    built(LegacyBillingConfirmations, [Transactions, LegacyBillingClient, RecordInvoiceLineHandler, SERVICE_LOGGER]),
    {
      provide: LegacyBillingDispatcher,
      useFactory: (tx: Transactions, client: LegacyBillingClient, confirmations: LegacyBillingConfirmations, clock: Clock) =>
        new LegacyBillingDispatcher(tx, client, confirmations, clock, legacy),
      inject: [Transactions, LegacyBillingClient, LegacyBillingConfirmations, Clock],
    },
    LegacyBillingWorker,
  ];
}
