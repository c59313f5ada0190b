import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.payment-failed.v1` — the payment gateway declined the order's payment. The order is
 * cancelled (`checkout.order-cancelled.v1`, `payment_declined`) right after. Key: the order id.
 * Producer: Checkout.
 */
export const PaymentFailedV1 = defineEvent({
  type: 'checkout.payment-failed',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    /** The gateway's decline reason, e.g. `declined` or `invalid_token`; informative, not an enum. */
    reason: z.string().min(1),
    failedAt: instantSchema,
  }),
});
export type PaymentFailedV1 = EventData<typeof PaymentFailedV1>;
