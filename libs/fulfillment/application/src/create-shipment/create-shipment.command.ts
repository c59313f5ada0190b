/** Plan a warehouse work package for an order. Fulfillment's own words, whatever triggered it. */
export interface CreateShipment {
  readonly orderId: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
}
