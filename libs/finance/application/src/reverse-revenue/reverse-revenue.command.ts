/** The order was cancelled: the revenue expected for it is not coming. Finance's own words, whatever triggered it. */
export interface ReverseRevenue {
  readonly orderId: string;
}
