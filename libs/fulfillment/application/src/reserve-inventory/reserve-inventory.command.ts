/** Hold stock for every line of a paid order, or for none. Fulfillment's words, whatever triggered it. */
export interface ReserveInventory {
  readonly orderId: string;
  /** Units per SKU, one line per SKU. */
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
}
