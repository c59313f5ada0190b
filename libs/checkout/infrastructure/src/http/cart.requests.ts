import { z } from 'zod';
import { currencyCode, moneyRequest, shippingAddressRequest } from './place-order.request';

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
