import { z } from 'zod';
import { Topics } from '@bazaar/published-language';
import { serviceConfigSchema } from '@bazaar/platform-service';

/** Support's settings: the platform's, plus the topics it reads (overridable so tests can use their own). */
export const supportConfigSchema = serviceConfigSchema({ name: 'support', port: 3004 }).extend({
  CHECKOUT_ORDERS_TOPIC: z.string().min(1).default(Topics.checkoutOrders),
  FULFILLMENT_SHIPMENTS_TOPIC: z.string().min(1).default(Topics.fulfillmentShipments),
  FINANCE_LEDGERS_TOPIC: z.string().min(1).default(Topics.financeLedgers),
});
export type SupportConfig = z.output<typeof supportConfigSchema>;

/** Every topic the case order view projection consumes. */
export function consumedTopics(config: SupportConfig): string[] {
  return [config.CHECKOUT_ORDERS_TOPIC, config.FULFILLMENT_SHIPMENTS_TOPIC, config.FINANCE_LEDGERS_TOPIC];
}
