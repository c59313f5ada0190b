import { z } from 'zod';

export const listShipmentsQuery = z.object({
  orderId: z.uuid(),
});
export type ListShipmentsQuery = z.output<typeof listShipmentsQuery>;

export const shipmentsResponse = z.object({
  shipments: z.array(
    z.object({
      shipmentId: z.uuid(),
      orderId: z.uuid(),
      status: z.enum(['created', 'picked', 'packed', 'dispatched', 'delivered', 'cancelled']),
      lines: z.array(z.object({ sku: z.string(), quantity: z.int().min(1) })),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type ShipmentsResponse = z.input<typeof shipmentsResponse>;
