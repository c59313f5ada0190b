import { z } from 'zod';
import { serviceConfigSchema } from '@bazaar/platform-service';
import { Topics } from '@bazaar/published-language';

export const financeConfigSchema = serviceConfigSchema({ name: 'finance', port: 3003 }).extend({
  /** The topic Checkout's orders arrive on (overridden by tests with a suffixed copy). */
  CHECKOUT_ORDERS_TOPIC: z.string().min(1).default(Topics.checkoutOrders),
});

export type FinanceConfig = z.output<typeof financeConfigSchema>;
