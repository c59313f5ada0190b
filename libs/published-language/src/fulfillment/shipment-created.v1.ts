import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { Topics } from '../topics';

/**
 * `fulfillment.shipment-created.v1` — the warehouse has a work package for an order. Key: the
 * shipment id. Producer: Fulfillment.
 */
export const ShipmentCreatedV1 = defineEvent({
  type: 'fulfillment.shipment-created',
  version: 1,
  producer: 'fulfillment',
  topic: Topics.fulfillmentShipments,
  schema: z.object({
    shipmentId: z.uuid(),
    /** The Checkout order this shipment fulfils. */
    orderId: z.uuid(),
    lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
    /** Always `created` in v1; later transitions are their own events. */
    status: z.literal('created'),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
export type ShipmentCreatedV1 = EventData<typeof ShipmentCreatedV1>;
