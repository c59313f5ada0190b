import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.inventory-reservation-failed.v1` — Fulfillment could not reserve stock for a paid
 * order and reserved nothing for it. Checkout voids the payment and cancels the order
 * (`out_of_stock`). Key: the Checkout order id. Producer: Fulfillment.
 */
export const InventoryReservationFailedV1 = defineEvent({
  type: 'fulfillment.inventory-reservation-failed',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentReservations,
  schema: z.object({
    orderId: z.uuid(),
    /** The lines that could not be reserved, with what was on hand. */
    unavailable: z
      .array(z.object({ sku: z.string().min(1), requested: z.number().int().min(1), available: z.number().int().min(0) }))
      .min(1),
    failedAt: instantSchema,
  }),
});
export type InventoryReservationFailedV1 = EventData<typeof InventoryReservationFailedV1>;
