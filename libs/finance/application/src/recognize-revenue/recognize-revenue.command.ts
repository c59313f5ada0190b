/** The order's goods have left with a carrier: its revenue is earned. Finance's own words, whatever triggered it. */
export interface RecognizeRevenue {
  readonly orderId: string;
  readonly shipmentId: string;
  readonly dispatchedAt: Date;
}
