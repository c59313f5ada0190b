import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.inventory-reserved.v1` — Fulfillment reserved stock for every line of a paid order
 * (the answer to `checkout.payment-authorized.v1`). Key: the Checkout order id. Producer: Fulfillment.
 */
export const InventoryReservedV1 = defineEvent({
  type: 'fulfillment.inventory-reserved',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentReservations,
  schema: z.object({
    /** The Checkout order the stock is reserved for. */
    orderId: z.uuid(),
    lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
    reservedAt: instantSchema,
  }),
});
export type InventoryReservedV1 = EventData<typeof InventoryReservedV1>;
