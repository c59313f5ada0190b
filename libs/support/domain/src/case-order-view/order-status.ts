/**
 * The order's status in Checkout's words. Support does not decide it: it reads it off the
 * facts Checkout published, so that every arrival order of the same facts gives the same status.
 */
export const orderStatuses = ['placed', 'awaiting_fraud_review', 'payment_authorized', 'confirmed', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Why Checkout cancelled an order. */
export const cancellationReasons = ['payment_declined', 'fraud_rejected', 'out_of_stock', 'buyer_cancelled', 'timed_out'] as const;
export type CancellationReason = (typeof cancellationReasons)[number];

/** The end of a cancelled order, as Checkout announced it. */
export interface Cancellation {
  readonly reason: CancellationReason;
  readonly cancelledAt: string;
  /** Whether the order's payment had been authorized before it was cancelled. */
  readonly paymentWasAuthorized: boolean;
  /** Whether Checkout voided that authorization (the held money is released). */
  readonly authorizationVoided: boolean;
}

/** The milestones of Checkout's lifecycle that Support has seen, each set once. */
export interface StatusEvidence {
  readonly cancellation: Cancellation | null;
  readonly completedAt: string | null;
  readonly confirmedAt: string | null;
  readonly paymentAuthorizedAt: string | null;
  readonly fraudReviewSeen: boolean;
}

/**
 * Precedence, furthest first: the status is that of the furthest milestone seen, never of the last
 * fact to arrive, and cancelled is terminal. As in Checkout, an approved review keeps the order
 * awaiting_fraud_review until its payment is authorized.
 */
export function statusFrom(evidence: StatusEvidence): OrderStatus {
  if (evidence.cancellation) return 'cancelled';
  if (evidence.completedAt) return 'completed';
  if (evidence.confirmedAt) return 'confirmed';
  if (evidence.paymentAuthorizedAt) return 'payment_authorized';
  if (evidence.fraudReviewSeen) return 'awaiting_fraud_review';
  return 'placed';
}
