import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-picked.v1` — every line's units were taken from the shelves; packing is
 * next. Each warehouse step happens once, in order (created → picked → packed → dispatched →
 * delivered). Key: the shipment id. Producer: Fulfillment.
 */
export const ShipmentPickedV1 = defineEvent({
  type: 'fulfillment.shipment-picked',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment fulfils. */
    orderId: z.uuid(),
    pickedAt: instantSchema,
    /** Who recorded the step (the caller's id); absent when Fulfillment did not know. */
    pickedBy: z.string().min(1).optional(),
  }),
});
export type ShipmentPickedV1 = EventData<typeof ShipmentPickedV1>;
