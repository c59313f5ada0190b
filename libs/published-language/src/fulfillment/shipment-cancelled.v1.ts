import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-cancelled.v1` — the warehouse dropped an order's work package before it
 * left: nothing will be picked, packed or dispatched for it. Fulfillment cancels a shipment when
 * Checkout cancels its order before dispatch. Key: the shipment id. Producer: Fulfillment.
 */
export const ShipmentCancelledV1 = defineEvent({
  type: 'fulfillment.shipment-cancelled',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment was for. */
    orderId: z.uuid(),
    /** Always `cancelled` in v1: a cancelled shipment stays cancelled. */
    status: z.literal('cancelled'),
    cancelledAt: instantSchema,
  }),
});
export type ShipmentCancelledV1 = EventData<typeof ShipmentCancelledV1>;
