import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-delivered.v1` — the carrier delivered the parcel: the shipment's lifecycle
 * is over. Each warehouse step happens once, in order (created → picked → packed → dispatched →
 * delivered). Key: the shipment id. Producer: Fulfillment.
 */
export const ShipmentDeliveredV1 = defineEvent({
  type: 'fulfillment.shipment-delivered',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment fulfils. */
    orderId: z.uuid(),
    deliveredAt: instantSchema,
    /** Who recorded the step (the caller's id); absent when Fulfillment did not know. */
    deliveredBy: z.string().min(1).optional(),
  }),
});
export type ShipmentDeliveredV1 = EventData<typeof ShipmentDeliveredV1>;
