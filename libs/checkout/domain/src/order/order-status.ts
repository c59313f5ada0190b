/** Where an order is in its life; `order-lifecycle.ts` says which moves between them exist. */
export const orderStatuses = ['placed', 'awaiting_fraud_review', 'payment_authorized', 'confirmed', 'completed', 'cancelled'] as const;

export type OrderStatus = (typeof orderStatuses)[number];

/** Why a cancelled order was cancelled. */
export const cancellationReasons = ['payment_declined', 'fraud_rejected', 'out_of_stock', 'buyer_cancelled', 'timed_out'] as const;

export type CancellationReason = (typeof cancellationReasons)[number];

/**
 * The reasons `Order.cancel` accepts. A declined payment and a rejected review cancel the order
 * through `recordPaymentFailed` and `rejectFraudReview`, which also record what happened.
 */
export type DirectCancellationReason = Exclude<CancellationReason, 'payment_declined' | 'fraud_rejected'>;
