import { PaymentGateway } from '@bazaar/checkout-domain';
import { ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { consumedTopics } from '@bazaar/platform-messaging';
import { CheckoutModule } from './checkout.module';
import { CheckoutSettings, defaultCheckoutSettings } from './checkout-settings';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { SandboxPaymentGateway } from './payment/sandbox-payment-gateway';
import { checkoutMigrations } from './persistence/migrations';

/**
 * Everything the platform needs to run Checkout; the app and the integration tests start the same
 * service. The payment gateway is the sandbox built from the settings, unless a test passes one
 * that outlives the service (an external gateway survives a Checkout restart).
 */
export function checkoutService(
  config: ServiceConfig,
  settings: CheckoutSettings = defaultCheckoutSettings,
  gateway: PaymentGateway = new SandboxPaymentGateway(settings.sandbox),
): ServiceOptions {
  return {
    definition: {
      name: 'checkout',
      migrations: checkoutMigrations,
      // Not its own checkout.orders: a new order's process begins in the transaction that places it.
      consumes: consumedTopics(FulfillmentEventsConsumer),
    },
    config,
    module: CheckoutModule.with(settings, gateway),
    openApi: {
      title: 'Bazaar Checkout',
      description: 'Buyer intent and payment authorization: carts, orders, fraud reviews and the order process.',
    },
  };
}
