import { z } from 'zod';
import { ShipmentSummary } from '@bazaar/fulfillment-application';

export const listShipmentsQuery = z.object({
  orderId: z.uuid(),
});
export type ListShipmentsQuery = z.output<typeof listShipmentsQuery>;

export const shipmentIdParameter = z.uuid();

const text = (max: number) => z.string().trim().min(1).max(max);

/** `POST /shipments/:shipmentId/dispatch`. */
export const dispatchRequest = z.strictObject({
  carrier: text(100).describe('The carrier the parcel left with, e.g. DHL'),
  trackingNumber: text(100).describe("The carrier's tracking number for the parcel"),
});
export type DispatchRequest = z.output<typeof dispatchRequest>;

const dateTime = z.iso.datetime();
const by = z.string().nullable().describe('who recorded the step; null when not known');

const shipmentResponse = z.object({
  shipmentId: z.uuid(),
  orderId: z.uuid(),
  status: z.enum(['created', 'picked', 'packed', 'dispatched', 'delivered', 'cancelled']),
  lines: z.array(z.object({ sku: z.string(), quantity: z.int().min(1) })),
  createdAt: dateTime,
  releasedAt: dateTime.nullable().describe('when Checkout confirmed the order and the warehouse could start; null until then (picking answers 409 order_not_confirmed)'),
  carrier: z.string().nullable().describe('set at dispatch'),
  trackingNumber: z.string().nullable().describe('set at dispatch'),
  pickedAt: dateTime.nullable(),
  pickedBy: by,
  packedAt: dateTime.nullable(),
  packedBy: by,
  dispatchedAt: dateTime.nullable(),
  dispatchedBy: by,
  deliveredAt: dateTime.nullable(),
  deliveredBy: by,
  cancelledAt: dateTime.nullable(),
});
export { shipmentResponse };
export type ShipmentResponse = z.input<typeof shipmentResponse>;

export const shipmentsResponse = z.object({ shipments: z.array(shipmentResponse) });
export type ShipmentsResponse = z.input<typeof shipmentsResponse>;

export function toShipmentResponse(shipment: ShipmentSummary): ShipmentResponse {
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  const { picked, packed, dispatched, delivered } = shipment;
  return {
    shipmentId: shipment.shipmentId,
    orderId: shipment.orderId,
    status: shipment.status,
    lines: shipment.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    createdAt: shipment.createdAt.toISOString(),
    releasedAt: iso(shipment.releasedAt),
    carrier: dispatched?.carrier ?? null,
    trackingNumber: dispatched?.trackingNumber ?? null,
    pickedAt: iso(picked?.at),
    pickedBy: picked?.by ?? null,
    packedAt: iso(packed?.at),
    packedBy: packed?.by ?? null,
    dispatchedAt: iso(dispatched?.at),
    dispatchedBy: dispatched?.by ?? null,
    deliveredAt: iso(delivered?.at),
    deliveredBy: delivered?.by ?? null,
    cancelledAt: iso(shipment.cancelledAt),
  };
}
