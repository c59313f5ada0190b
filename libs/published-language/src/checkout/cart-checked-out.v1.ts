import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { addressSchema, moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.cart-checked-out.v1` — a buyer checked out: Checkout created the order with these lines
 * and will now screen it and authorize payment. Key: the order id. Producer: Checkout.
 *
 * Fulfillment reads the lines and address to plan a shipment, Finance the totals, Support everything.
 *
 * Superseded by v2, which seals the address: Checkout no longer publishes v1, and consumers keep
 * reading it for the orders placed before (their address is in plaintext on the topic: see
 * docs/data-protection.md).
 */
export const CartCheckedOutV1 = defineEvent({
  type: 'checkout.cart-checked-out',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    /** The order id (UUID); equal to the envelope's aggregate id. */
    orderId: z.uuid(),
    /** The buyer's id in Checkout (opaque to consumers). */
    buyerId: z.string().min(1),
    lines: z
      .array(
        z.object({
          sku: z.string().min(1),
          quantity: z.number().int().min(1),
          unitPrice: moneySchema,
          lineTotal: moneySchema,
        }),
      )
      .min(1),
    /** Sum of the line totals, in the order's single currency. */
    total: moneySchema,
    shippingAddress: addressSchema,
    /** When the buyer checked out (ISO-8601). */
    placedAt: z.iso.datetime({ offset: true }),
  }),
});
export type CartCheckedOutV1 = EventData<typeof CartCheckedOutV1>;
