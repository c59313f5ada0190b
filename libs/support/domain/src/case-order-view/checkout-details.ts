import { Money } from '@bazaar/shared-kernel';

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
}

export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/**
 * The address as `checkout.cart-checked-out.v2` carries it: sealed with the buyer's data key, kept
 * as received and opened only when read, with the key Support holds (none once the buyer is erased).
 */
export interface SealedShippingAddress {
  /** The data key that sealed it. */
  readonly keyId: string;
  /** AES-256-GCM, `v1.<iv>.<ciphertext>.<tag>`, bound to this buyer's address on this order. */
  readonly ciphertext: string;
}

/** What the buyer asked for at checkout: fixed once the order exists. */
export interface CheckoutDetails {
  readonly buyerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  /**
   * null once the buyer's personal data was erased (the view's `personalData` is then `erased`), and
   * in the stored view of a sealed address until it is opened for reading.
   */
  readonly shippingAddress: ShippingAddress | null;
  /** The sealed address (checkouts published since addresses are sealed on the topic); absent for a plaintext (v1) one and once erased. */
  readonly sealedShippingAddress?: SealedShippingAddress;
  readonly placedAt: string;
}
