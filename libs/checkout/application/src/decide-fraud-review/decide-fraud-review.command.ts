/** A risk analyst's decision on an order in fraud review. */
export interface DecideFraudReview {
  readonly orderId: string;
  readonly decision: 'approve' | 'reject';
}
