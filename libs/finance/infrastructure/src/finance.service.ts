import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { FinanceModule } from './finance.module';
import { financeMigrations } from './persistence/migrations';

/** Settings of Finance beyond the platform's. */
export interface FinanceSettings {
  /** Where Checkout publishes orders; a suffixed copy in tests. */
  readonly CHECKOUT_ORDERS_TOPIC: string;
}

/** Everything the platform needs to run Finance; the app and the integration tests start the same service. */
export function financeService(config: ServiceConfig & FinanceSettings): ServiceOptions {
  return {
    definition: { name: 'finance', migrations: financeMigrations, consumes: [config.CHECKOUT_ORDERS_TOPIC] },
    config,
    module: FinanceModule,
    openApi: {
      title: 'Bazaar Finance',
      description: "Accounting facts: each order's revenue ledger, in balanced, immutable double-entry lines.",
    },
  };
}
