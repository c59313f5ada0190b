import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.buyer-personal-data-erased.v1` — a buyer's personal data (the name and address of
 * every order) was erased: Checkout deleted their data key. Every consumer that kept any of it
 * deletes its copy and shows those orders as erased; the orders' lines and amounts stay. Key: the
 * buyer id. Producer: Checkout.
 */
export const BuyerPersonalDataErasedV1 = defineEvent({
  type: 'checkout.buyer-personal-data-erased',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    buyerId: z.string().min(1),
    /** The buyer's orders at the time of erasure. */
    orderIds: z.array(z.uuid()),
    erasedAt: instantSchema,
  }),
});
export type BuyerPersonalDataErasedV1 = EventData<typeof BuyerPersonalDataErasedV1>;
