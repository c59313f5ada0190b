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

/** What the buyer asked for at checkout: fixed once the order exists. */
export interface CheckoutDetails {
  readonly buyerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  /** null once the buyer's personal data was erased (the view's `personalData` is then `erased`). */
  readonly shippingAddress: ShippingAddress | null;
  readonly placedAt: string;
}
