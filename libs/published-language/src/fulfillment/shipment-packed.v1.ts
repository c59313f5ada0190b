import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-packed.v1` — the parcel is packed and labelled, waiting for its carrier.
 * Each warehouse step happens once, in order (created → picked → packed → dispatched → delivered).
 * Key: the shipment id. Producer: Fulfillment.
 */
export const ShipmentPackedV1 = defineEvent({
  type: 'fulfillment.shipment-packed',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment fulfils. */
    orderId: z.uuid(),
    packedAt: instantSchema,
    /** Who recorded the step (the caller's id); absent when Fulfillment did not know. */
    packedBy: z.string().min(1).optional(),
  }),
});
export type ShipmentPackedV1 = EventData<typeof ShipmentPackedV1>;
