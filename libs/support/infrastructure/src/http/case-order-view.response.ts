import { z } from 'zod';
import { CaseOrderView, shipmentLifecycle } from '@bazaar/support-domain';

const money = z.object({ amount: z.number().int().describe('minor units'), currency: z.string().length(3) });
const dateTime = z.iso.datetime();

/** `GET /case-order-views/:orderId` — what an agent sees of an order. */
export const caseOrderViewResponse = z.object({
  orderId: z.uuid(),
  checkout: z
    .object({
      buyerId: z.string(),
      lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), unitPrice: money, lineTotal: money })),
      total: money,
      shippingAddress: z.object({
        name: z.string(),
        line1: z.string(),
        line2: z.string().nullable(),
        city: z.string(),
        postalCode: z.string(),
        country: z.string().length(2),
      }),
      placedAt: dateTime,
    })
    .nullable()
    .describe('null until Support has seen the checkout (the view is partial)'),
  shipments: z.array(
    z.object({
      shipmentId: z.uuid(),
      status: z.enum(shipmentLifecycle),
      lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })).nullable(),
      createdAt: dateTime.nullable(),
    }),
  ),
  revenue: z.array(z.object({ entryId: z.uuid(), kind: z.enum(['deferred']), amount: money, recordedAt: dateTime })),
  timeline: z
    .array(z.object({ eventId: z.uuid(), type: z.string(), version: z.number().int(), context: z.string(), occurredAt: dateTime }))
    .describe('every event projected, sorted by (occurredAt, eventId)'),
});
export type CaseOrderViewResponse = z.output<typeof caseOrderViewResponse>;

export function toResponse(view: CaseOrderView): CaseOrderViewResponse {
  return {
    orderId: view.orderId,
    checkout: view.checkout && { ...view.checkout, lines: [...view.checkout.lines], shippingAddress: { ...view.checkout.shippingAddress } },
    shipments: view.shipments.map((shipment) => ({ ...shipment, lines: shipment.lines && [...shipment.lines] })),
    revenue: [...view.revenue],
    timeline: [...view.timeline],
  };
}
