import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/** Why Checkout cancelled an order; a new reason is a new contract version. */
export const orderCancellationReasons = ['payment_declined', 'fraud_rejected', 'out_of_stock', 'buyer_cancelled', 'timed_out'] as const;

/**
 * `checkout.order-cancelled.v1` — the order is cancelled for good; it will not be shipped. Key: the
 * order id. Producer: Checkout.
 *
 * Fulfillment releases what it reserved and cancels the shipment; Finance reverses what it recorded
 * when `paymentWasAuthorized`.
 */
export const OrderCancelledV1 = defineEvent({
  type: 'checkout.order-cancelled',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    reason: z.enum(orderCancellationReasons),
    /** Whether `checkout.payment-authorized.v1` had been published for the order. */
    paymentWasAuthorized: z.boolean(),
    /**
     * Whether Checkout voids the order's authorization (it does whenever one was held): the held
     * money is released. The gateway call follows the event and is retried until it succeeds.
     */
    authorizationVoided: z.boolean(),
    cancelledAt: instantSchema,
  }),
});
export type OrderCancelledV1 = EventData<typeof OrderCancelledV1>;
