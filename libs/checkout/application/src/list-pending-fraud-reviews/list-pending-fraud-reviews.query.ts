/** The analysts' queue, oldest first. */
export interface ListPendingFraudReviews {
  readonly limit?: number;
}
