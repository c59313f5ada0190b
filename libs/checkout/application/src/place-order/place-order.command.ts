import { RequestedLine, ShippingAddress } from '@bazaar/checkout-domain';
import { IdempotentRequest } from '../idempotency/idempotency-keys';

/** Express checkout: place an order in one step. */
export interface PlaceOrder {
  readonly buyerId: string;
  readonly lines: readonly RequestedLine[];
  readonly shippingAddress: ShippingAddress;
  readonly paymentToken: string;
  /** Present when the caller sent an Idempotency-Key; the fingerprint is computed at the edge. */
  readonly idempotency?: IdempotentRequest;
}
