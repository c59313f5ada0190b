/** Drop the work package planned for an order that will not ship. Fulfillment's own words, whatever triggered it. */
export interface CancelShipment {
  readonly orderId: string;
}
