import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-dispatched.v1` — the parcel left the warehouse with a carrier. From now on
 * the order cannot be cancelled; Checkout completes it, Finance recognizes the revenue. Key: the
 * shipment id. Producer: Fulfillment.
 */
export const ShipmentDispatchedV1 = defineEvent({
  type: 'fulfillment.shipment-dispatched',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment fulfils. */
    orderId: z.uuid(),
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
    dispatchedAt: instantSchema,
    /** Who dispatched it (the caller's id); absent when Fulfillment did not know. Added in v1, optional. */
    dispatchedBy: z.string().min(1).optional(),
  }),
});
export type ShipmentDispatchedV1 = EventData<typeof ShipmentDispatchedV1>;
