import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { consumedTopics } from '@bazaar/platform-messaging';
import { FinanceModule } from './finance.module';
import { defaultFinanceSettings, FinanceSettings } from './finance-settings';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { financeMigrations } from './persistence/migrations';
import { financeRuntimeGrants } from './persistence/runtime-grants';

/** Everything the platform needs to run Finance; the app and the integration tests start the same service. */
export function financeService(config: ServiceConfig, settings: FinanceSettings = defaultFinanceSettings): ServiceOptions {
  return {
    definition: {
      name: 'finance',
      migrations: financeMigrations,
      consumes: consumedTopics(CheckoutEventsConsumer, FulfillmentEventsConsumer),
      runtimeGrants: financeRuntimeGrants,
    },
    config,
    module: FinanceModule.with(settings),
    openApi: {
      title: 'Bazaar Finance',
      description:
        "Accounting facts: each order's revenue ledger in balanced, immutable double-entry lines (deferred at payment, recognized at dispatch, reversed at a cancellation), the invoices issued at dispatch, numbered per year without gaps, the trial balance, sellers' subscriptions invoiced per period, and the reconciliation of those invoices with the legacy billing system.",
    },
  };
}
