import { defineEvent, EventData } from '../contract';
import { sealedAddressSchema } from '../primitives';
import { Topics } from '../topics';
import { PaymentAuthorizedV1 } from './payment-authorized.v1';

/**
 * `checkout.payment-authorized.v2` — the payment gateway authorized the order's total: the money is
 * held on the buyer's payment method, not captured. Key: the order id. Producer: Checkout.
 *
 * As v1, except that the shipping address is sealed with the buyer's data key
 * (`sealedShippingAddress`), never in plaintext (see `checkout.cart-checked-out.v2`). Fulfillment
 * and Finance read the lines and amounts and never need the address. The payment token never
 * appears in it.
 */
export const PaymentAuthorizedV2 = defineEvent({
  type: 'checkout.payment-authorized',
  version: 2,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  // Only the address differs from v1; the fields after it are taken again so that they keep their place.
  schema: PaymentAuthorizedV1.schema.omit({ shippingAddress: true, authorizedAt: true }).extend({
    /** The address, sealed for `shipping-address:<buyerId>:<orderId>` (`buyerId`: whose data key sealed it). */
    sealedShippingAddress: sealedAddressSchema,
    authorizedAt: PaymentAuthorizedV1.schema.shape.authorizedAt,
  }),
});
export type PaymentAuthorizedV2 = EventData<typeof PaymentAuthorizedV2>;
