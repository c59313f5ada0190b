import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { FulfillmentModule } from './fulfillment.module';
import { fulfillmentMigrations } from './persistence/migrations';

/** Settings of Fulfillment beyond the platform's. */
export interface FulfillmentSettings {
  /** Where Checkout publishes orders; a suffixed copy in tests. */
  readonly CHECKOUT_ORDERS_TOPIC: string;
}

/** Everything the platform needs to run Fulfillment; the app and the integration tests start the same service. */
export function fulfillmentService(config: ServiceConfig & FulfillmentSettings): ServiceOptions {
  return {
    definition: { name: 'fulfillment', migrations: fulfillmentMigrations, consumes: [config.CHECKOUT_ORDERS_TOPIC] },
    config,
    module: FulfillmentModule,
    openApi: {
      title: 'Bazaar Fulfillment',
      description: 'Warehouse work packages: the shipments planned for Checkout orders.',
    },
  };
}
