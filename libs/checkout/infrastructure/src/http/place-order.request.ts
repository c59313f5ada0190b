import { isCurrency } from '@bazaar/shared-kernel';
import { z } from 'zod';

/**
 * `POST /orders` as its public contract fixes it. The schema checks shapes and formats only (400
 * `invalid_request`); the order's rules (line count, quantity range, one currency, positive
 * prices) are the domain's and answer 422 with their own codes, so they are deliberately not here.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** Large enough for any real price, small enough that 50 lines of 999 stay exact integers. */
const MAX_UNIT_AMOUNT = 100_000_000_000;

/**
 * An ISO 4217 code of money buyers pay with (no metals, test or funds codes): 400 naming the field.
 * Whether Checkout takes orders in it is the domain's rule (422 `currency_not_accepted`).
 */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code: three upper-case letters')
  .refine(isCurrency, 'must be an active ISO 4217 currency that buyers pay with');

export const moneyRequest = z.strictObject({
  amount: z.int().max(MAX_UNIT_AMOUNT).describe('Integer minor units (cents, pence, …)'),
  currency: currencyCode,
});

export const shippingAddressRequest = z.strictObject({
  name: text(200),
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  postalCode: text(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code: two upper-case letters'),
});

export const placeOrderRequest = z.strictObject({
  buyerId: text(100).optional().describe('The caller’s own subject (the default); another buyer’s id is refused (403 buyer_mismatch)'),
  lines: z.array(
    z.strictObject({
      sku: text(64),
      quantity: z.int(),
      unitPrice: moneyRequest,
    }),
  ),
  paymentToken: text(200).describe('A payment method token from the gateway, never card data'),
  shippingAddress: shippingAddressRequest,
});

export type PlaceOrderRequest = z.output<typeof placeOrderRequest>;
