/** The support view of one order. */
export interface GetCaseOrderView {
  readonly orderId: string;
}
