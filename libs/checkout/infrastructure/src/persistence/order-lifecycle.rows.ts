import { CancellationReason, Order, OrderState, PaymentOutcome } from '@bazaar/checkout-domain';

/** The lifecycle columns of `orders` as PostgreSQL returns them: null until the fact happened. */
export interface OrderLifecycleRow {
  fraud_score: number | null;
  fraud_reasons: string[] | null;
  fraud_requested_at: Date | null;
  fraud_decision: 'approved' | 'rejected' | null;
  fraud_decided_at: Date | null;
  fraud_decided_by: string | null;
  fraud_decision_reason: string | null;
  payment_state: 'authorized' | 'declined' | null;
  payment_authorization_id: string | null;
  payment_decline_reason: string | null;
  payment_at: Date | null;
  confirmed_at: Date | null;
  completed_at: Date | null;
  cancellation_reason: CancellationReason | null;
  cancelled_at: Date | null;
}

/** The lifecycle facts of a stored order, as the order's state holds them (absent, not null). */
export function lifecycleOf(row: OrderLifecycleRow): Partial<OrderState> {
  const payment = paymentOf(row);
  return {
    ...(row.fraud_requested_at && {
      fraudReview: {
        score: row.fraud_score ?? 0,
        reasons: row.fraud_reasons ?? [],
        requestedAt: row.fraud_requested_at,
        ...(row.fraud_decision && { decision: row.fraud_decision }),
        ...(row.fraud_decided_at && { decidedAt: row.fraud_decided_at }),
        ...(row.fraud_decided_by && { decidedBy: row.fraud_decided_by }),
        ...(row.fraud_decision_reason && { decisionReason: row.fraud_decision_reason }),
      },
    }),
    ...(payment && { payment }),
    ...(row.confirmed_at && { confirmedAt: row.confirmed_at }),
    ...(row.completed_at && { completedAt: row.completed_at }),
    ...(row.cancellation_reason && row.cancelled_at && { cancellation: { reason: row.cancellation_reason, at: row.cancelled_at } }),
  };
}

function paymentOf(row: OrderLifecycleRow): PaymentOutcome | undefined {
  if (!row.payment_at) return undefined;
  if (row.payment_state === 'authorized') return { state: 'authorized', authorizationId: row.payment_authorization_id ?? '', at: row.payment_at };
  if (row.payment_state === 'declined') return { state: 'declined', reason: row.payment_decline_reason ?? '', at: row.payment_at };
  return undefined;
}

/** The columns an order's lifecycle changes, in the order of the UPDATE in TypeOrmOrders (from `$3`). */
export const lifecycleColumns = [
  'status',
  'fraud_score',
  'fraud_reasons',
  'fraud_requested_at',
  'fraud_decision',
  'fraud_decided_at',
  'fraud_decided_by',
  'fraud_decision_reason',
  'payment_state',
  'payment_authorization_id',
  'payment_amount',
  'payment_decline_reason',
  'payment_at',
  'confirmed_at',
  'completed_at',
  'cancellation_reason',
  'cancelled_at',
  'cancellation_voids_authorization',
] as const;

/** Each lifecycle column's type, as a multi-row save reads its rows. */
export const lifecycleColumnTypes: Record<(typeof lifecycleColumns)[number], string> = {
  status: 'text',
  fraud_score: 'integer',
  fraud_reasons: 'text[]',
  fraud_requested_at: 'timestamptz',
  fraud_decision: 'text',
  fraud_decided_at: 'timestamptz',
  fraud_decided_by: 'text',
  fraud_decision_reason: 'text',
  payment_state: 'text',
  payment_authorization_id: 'text',
  payment_amount: 'bigint',
  payment_decline_reason: 'text',
  payment_at: 'timestamptz',
  confirmed_at: 'timestamptz',
  completed_at: 'timestamptz',
  cancellation_reason: 'text',
  cancelled_at: 'timestamptz',
  cancellation_voids_authorization: 'text',
};

export function lifecycleValues(order: Order): unknown[] {
  const { fraudReview: review, payment, confirmedAt, completedAt, cancellation } = order.toState();
  const authorized = payment?.state === 'authorized' ? payment : undefined;
  return [
    order.status,
    review?.score ?? null,
    review ? [...review.reasons] : null,
    review?.requestedAt ?? null,
    review?.decision ?? null,
    review?.decidedAt ?? null,
    review?.decidedBy ?? null,
    review?.decisionReason ?? null,
    payment?.state ?? null,
    authorized?.authorizationId ?? null,
    authorized ? order.total.amount : null,
    payment?.state === 'declined' ? payment.reason : null,
    payment?.at ?? null,
    confirmedAt ?? null,
    completedAt ?? null,
    cancellation?.reason ?? null,
    cancellation?.at ?? null,
    // The authorization a cancellation left to void: the one the order held when it was cancelled.
    cancellation ? (authorized?.authorizationId ?? null) : null,
  ];
}
