/** Show one order as Checkout knows it. */
export interface GetOrder {
  readonly orderId: string;
}
