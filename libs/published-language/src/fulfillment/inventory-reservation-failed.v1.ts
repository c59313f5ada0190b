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
    /** The lines that could not be reserved, with what was free to reserve at the time. */
    unavailable: z
      .array(
        z.object({
          sku: z.string().min(1),
          requested: z.number().int().min(1),
          available: z.number().int().min(0),
          /**
           * Why: `not_stocked` — the warehouse has never stocked this SKU; `insufficient_stock` —
           * fewer units are free than requested. Added in v1, optional: older messages lack it.
           */
          reason: z.enum(['not_stocked', 'insufficient_stock']).optional(),
        }),
      )
      .min(1),
    failedAt: instantSchema,
  }),
});
export type InventoryReservationFailedV1 = EventData<typeof InventoryReservationFailedV1>;
