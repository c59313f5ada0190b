import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { consumedTopics } from '@bazaar/platform-messaging';
import { FulfillmentModule } from './fulfillment.module';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { fulfillmentMigrations } from './persistence/migrations';

/** Everything the platform needs to run Fulfillment; the app and the integration tests start the same service. */
export function fulfillmentService(config: ServiceConfig): ServiceOptions {
  return {
    definition: { name: 'fulfillment', migrations: fulfillmentMigrations, consumes: consumedTopics(CheckoutEventsConsumer) },
    config,
    module: FulfillmentModule,
    openApi: {
      title: 'Bazaar Fulfillment',
      description: 'Stock per SKU, the reservation of each paid Checkout order, and the shipments the warehouse picks, packs, dispatches and delivers.',
    },
  };
}
