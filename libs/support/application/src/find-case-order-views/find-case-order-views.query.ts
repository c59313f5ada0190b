/** The orders of one buyer, as an agent looks them up when the buyer calls without an order id. */
export interface FindCaseOrderViews {
  readonly buyerId: string;
}
