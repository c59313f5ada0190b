/** A risk analyst's decision on an order in fraud review, attributed and explained. */
export interface DecideFraudReview {
  readonly orderId: string;
  readonly decision: 'approve' | 'reject';
  /** The deciding analyst (their token's `sub`); never the order's buyer. */
  readonly analyst: string;
  readonly reason: string;
}
