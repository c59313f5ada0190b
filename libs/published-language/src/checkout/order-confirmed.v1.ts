import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.order-confirmed.v1` — the order is paid (authorized) and its stock reserved: it will be
 * shipped. Key: the order id. Producer: Checkout.
 */
export const OrderConfirmedV1 = defineEvent({
  type: 'checkout.order-confirmed',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    confirmedAt: instantSchema,
  }),
});
export type OrderConfirmedV1 = EventData<typeof OrderConfirmedV1>;
