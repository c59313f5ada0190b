import { OrderStatus } from '@bazaar/checkout-domain';

export interface BuyerErasure {
  readonly buyerId: string;
  readonly orderIds: readonly string[];
  readonly erasedAt: Date;
}

/** A buyer's personal data as Checkout keeps it: their data key and whatever it sealed. */
export abstract class BuyerPersonalData {
  abstract ordersOf(buyerId: string): Promise<readonly { readonly orderId: string; readonly status: OrderStatus }[]>;
  /**
   * Deletes the buyer's data key and every plaintext copy Checkout still holds, and publishes the
   * erasure; `false` (and nothing published) when there was no key left to delete.
   */
  abstract erase(erasure: BuyerErasure): Promise<boolean>;
}
