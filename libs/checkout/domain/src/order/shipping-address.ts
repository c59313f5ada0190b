/** Where the parcel goes. `country` is ISO 3166-1 alpha-2; the edge checks the format. */
export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}
