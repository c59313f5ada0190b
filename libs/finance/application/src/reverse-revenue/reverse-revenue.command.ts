/** The revenue expected for an order is not coming: undo its deferred entry. Finance's own words, whatever triggered it. */
export interface ReverseRevenue {
  readonly orderId: string;
}
