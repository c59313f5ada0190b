import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema, pricedLineSchema, sealedAddressSchema } from '../primitives';
import { Topics } from '../topics';

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
  schema: z.object({
    orderId: z.uuid(),
    /** The buyer's id in Checkout (opaque to consumers); whose data key sealed the address. */
    buyerId: z.string().min(1),
    /** The amount authorized: the order's total. */
    amount: moneySchema,
    /** The gateway's reference of the authorization, opaque; for support and reconciliation only. */
    authorizationReference: z.string().min(1),
    lines: z.array(pricedLineSchema).min(1),
    /** Sum of the line totals, in the order's single currency; equal to `amount`. */
    total: moneySchema,
    /** The address, sealed for `shipping-address:<buyerId>:<orderId>`. */
    sealedShippingAddress: sealedAddressSchema,
    authorizedAt: instantSchema,
  }),
});
export type PaymentAuthorizedV2 = EventData<typeof PaymentAuthorizedV2>;
