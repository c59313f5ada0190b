import { CartDetails } from '@bazaar/checkout-application';
import { z } from 'zod';
import { orderLineResponse } from './order.response';
import { moneyRequest } from './place-order.request';

export const createdCartResponse = z.object({ cartId: z.uuid() });

export const cartResponse = z.object({
  cartId: z.uuid(),
  buyerId: z.string(),
  currency: z.string(),
  status: z.enum(['open', 'checked_out']),
  lines: z.array(orderLineResponse),
  total: moneyRequest,
  orderId: z.uuid().optional().describe('The order the cart became, once checked out'),
  createdAt: z.iso.datetime(),
});

export type CartResponse = z.output<typeof cartResponse>;

export function toCartResponse(cart: CartDetails): CartResponse {
  return {
    cartId: cart.cartId,
    buyerId: cart.buyerId,
    currency: cart.currency,
    status: cart.status,
    lines: cart.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
    total: cart.total,
    ...(cart.orderId && { orderId: cart.orderId }),
    createdAt: cart.createdAt.toISOString(),
  };
}
