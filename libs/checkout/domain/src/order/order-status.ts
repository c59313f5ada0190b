/**
 * Where an order is in its life. Only `placed` is reachable today; the rest are the states fraud
 * review, payment authorization and the order process will move it through.
 */
export const orderStatuses = [
  'placed',
  'awaiting_fraud_review',
  'payment_authorized',
  'confirmed',
  'completed',
  'cancelled',
] as const;

export type OrderStatus = (typeof orderStatuses)[number];

/** Why a cancelled order was cancelled. */
export const cancellationReasons = ['payment_declined', 'fraud_rejected', 'out_of_stock', 'buyer_cancelled', 'timed_out'] as const;

export type CancellationReason = (typeof cancellationReasons)[number];
