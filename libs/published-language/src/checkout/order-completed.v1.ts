import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.order-completed.v1` — the order's parcel was dispatched: Checkout's part is done and
 * the order can no longer be cancelled. Key: the order id. Producer: Checkout.
 */
export const OrderCompletedV1 = defineEvent({
  type: 'checkout.order-completed',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    completedAt: instantSchema,
  }),
});
export type OrderCompletedV1 = EventData<typeof OrderCompletedV1>;
