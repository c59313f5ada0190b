import { OrderDetails } from '@bazaar/checkout-application';
import { orderStatuses } from '@bazaar/checkout-domain';
import { z } from 'zod';
import { moneyRequest, shippingAddressRequest } from './place-order.request';

const moneyResponse = moneyRequest;

export const placedOrderResponse = z.object({
  orderId: z.uuid(),
  status: z.enum(orderStatuses),
});

export const orderResponse = z.object({
  orderId: z.uuid(),
  buyerId: z.string(),
  status: z.enum(orderStatuses),
  lines: z.array(z.object({ sku: z.string(), quantity: z.int(), unitPrice: moneyResponse, lineTotal: moneyResponse })),
  total: moneyResponse,
  shippingAddress: shippingAddressRequest,
  placedAt: z.iso.datetime(),
});

export type OrderResponse = z.output<typeof orderResponse>;

export function toOrderResponse(order: OrderDetails): OrderResponse {
  return {
    orderId: order.orderId,
    buyerId: order.buyerId,
    status: order.status,
    lines: order.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
    total: order.total,
    shippingAddress: order.shippingAddress,
    placedAt: order.placedAt.toISOString(),
  };
}
