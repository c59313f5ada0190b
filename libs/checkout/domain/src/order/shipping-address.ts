import { DomainError } from '@bazaar/shared-kernel';

/** Where the parcel goes. `country` is ISO 3166-1 alpha-2; the edge checks the format. */
export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/** The buyer's personal data was erased: the order has no address to ship to (409). */
export class ShippingAddressErased extends DomainError {
  readonly kind = 'conflict' as const;
  readonly code = 'shipping_address_erased';

  constructor(orderId: string) {
    super(`Order ${orderId}'s shipping address was erased with its buyer's personal data`);
  }
}
