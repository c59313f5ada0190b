/** The order will not ship, whatever the reason. Fulfillment's words, whatever triggered it. */
export interface CancelFulfillment {
  readonly orderId: string;
}
