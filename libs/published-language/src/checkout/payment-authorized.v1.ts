import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { addressSchema, instantSchema, moneySchema, pricedLineSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.payment-authorized.v1` — the payment gateway authorized the order's total: the money is
 * held on the buyer's payment method, not captured. Key: the order id. Producer: Checkout.
 *
 * It carries what its consumers act on, so that none needs another source: Fulfillment reserves
 * the lines for the address, Finance defers the amount. The payment token never appears in it.
 *
 * Superseded by v2, which seals the address: Checkout no longer publishes v1, and consumers keep
 * reading it for the payments authorized before.
 */
export const PaymentAuthorizedV1 = defineEvent({
  type: 'checkout.payment-authorized',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    /** The buyer's id in Checkout (opaque to consumers). */
    buyerId: z.string().min(1),
    /** The amount authorized: the order's total. */
    amount: moneySchema,
    /** The gateway's reference of the authorization, opaque; for support and reconciliation only. */
    authorizationReference: z.string().min(1),
    lines: z.array(pricedLineSchema).min(1),
    /** Sum of the line totals, in the order's single currency; equal to `amount`. */
    total: moneySchema,
    shippingAddress: addressSchema,
    authorizedAt: instantSchema,
  }),
});
export type PaymentAuthorizedV1 = EventData<typeof PaymentAuthorizedV1>;
