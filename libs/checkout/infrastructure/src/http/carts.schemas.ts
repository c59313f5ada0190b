import { CartDetails } from '@bazaar/checkout-application';
import { z } from 'zod';
import { currencyCode, moneyRequest, orderLineResponse, shippingAddressRequest } from './orders.schemas';

/** Shapes and formats only (400 `invalid_request`); the cart's rules answer 422 with their own codes. */
export const createCartRequest = z.strictObject({
  buyerId: z.string().trim().min(1).max(100).optional().describe('The caller’s own subject (the default); another buyer’s id is refused (403 buyer_mismatch)'),
  currency: currencyCode,
});
export type CreateCartRequest = z.output<typeof createCartRequest>;

export const setCartLineRequest = z.strictObject({
  quantity: z.int(),
  unitPrice: moneyRequest,
});
export type SetCartLineRequest = z.output<typeof setCartLineRequest>;

export const checkOutCartRequest = z.strictObject({
  paymentToken: z.string().trim().min(1).max(200).describe('A payment method token from the gateway, never card data'),
  shippingAddress: shippingAddressRequest,
});
export type CheckOutCartRequest = z.output<typeof checkOutCartRequest>;

export const skuParameter = z.string().trim().min(1).max(64);

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
