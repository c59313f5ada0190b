/** The buyer cancels their order. */
export interface CancelOrder {
  readonly orderId: string;
}
