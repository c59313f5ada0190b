import { ShippingAddress } from '@bazaar/checkout-domain';
import { IdempotentRequest } from '../idempotency/idempotency-keys';

/** Turn the cart into an order, paid with that token, shipped there. */
export interface CheckOutCart {
  readonly cartId: string;
  readonly paymentToken: string;
  readonly shippingAddress: ShippingAddress;
  /** Present when the caller sent an Idempotency-Key; the fingerprint is computed at the edge. */
  readonly idempotency?: IdempotentRequest;
}
