import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { moneySchema, pricedLineSchema, sealedAddressSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.cart-checked-out.v2` — a buyer checked out: Checkout created the order with these lines
 * and will now screen it and authorize payment. Key: the order id. Producer: Checkout.
 *
 * As v1, except that the shipping address is sealed with the buyer's data key
 * (`sealedShippingAddress`), never in plaintext: erasing the buyer deletes the key, and with it every
 * copy of the address on the topic. Only a holder of the key (Support, through
 * `checkout.buyer-data-key.v1`) can read it. Checkout publishes this version only; v1 stays on the
 * topic for the orders placed before, and consumers read both.
 */
export const CartCheckedOutV2 = defineEvent({
  type: 'checkout.cart-checked-out',
  version: 2,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    /** The order id (UUID); equal to the envelope's aggregate id. */
    orderId: z.uuid(),
    /** The buyer's id in Checkout (opaque to consumers); whose data key sealed the address. */
    buyerId: z.string().min(1),
    lines: z.array(pricedLineSchema).min(1),
    /** Sum of the line totals, in the order's single currency. */
    total: moneySchema,
    /** The address, sealed for `shipping-address:<buyerId>:<orderId>`. */
    sealedShippingAddress: sealedAddressSchema,
    /** When the buyer checked out (ISO-8601). */
    placedAt: z.iso.datetime({ offset: true }),
  }),
});
export type CartCheckedOutV2 = EventData<typeof CartCheckedOutV2>;
