import { defineEvent, EventData } from '../contract';
import { sealedAddressSchema } from '../primitives';
import { Topics } from '../topics';
import { CartCheckedOutV1 } from './cart-checked-out.v1';

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
  // Only the address differs from v1; the fields after it are taken again so that they keep their place.
  schema: CartCheckedOutV1.schema.omit({ shippingAddress: true, placedAt: true }).extend({
    /** The address, sealed for `shipping-address:<buyerId>:<orderId>` (`buyerId`: whose data key sealed it). */
    sealedShippingAddress: sealedAddressSchema,
    placedAt: CartCheckedOutV1.schema.shape.placedAt,
  }),
});
export type CartCheckedOutV2 = EventData<typeof CartCheckedOutV2>;
