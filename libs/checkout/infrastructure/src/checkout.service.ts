import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { CheckoutModule } from './checkout.module';
import { checkoutMigrations } from './persistence/migrations';

/** Everything the platform needs to run Checkout; the app and the integration tests start the same service. */
export function checkoutService(config: ServiceConfig): ServiceOptions {
  return {
    definition: { name: 'checkout', migrations: checkoutMigrations, consumes: [] },
    config,
    module: CheckoutModule,
    openApi: {
      title: 'Bazaar Checkout',
      description: 'Buyer intent and payment authorization: express checkout and orders.',
    },
  };
}
