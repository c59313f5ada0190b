import { CancellationReason, orderId, OrderProcess, OrderProcessStep, ProcessCommand } from '@bazaar/checkout-domain';

/** `order_processes` as PostgreSQL returns it; `pending` is the commands' own JSON. */
export interface OrderProcessRow {
  order_id: string;
  step: OrderProcessStep;
  started_at: Date;
  pending: ProcessCommand[];
  attempts: number;
  next_attempt_at: Date | null;
  fraud_review: 'pending' | 'approved' | 'rejected' | null;
  authorization_id: string | null;
  authorization_voided: boolean;
  reservation_deadline: Date | null;
  inventory: 'reserved' | 'failed' | null;
  cancellation_reason: CancellationReason | null;
  version: number;
}

export function toOrderProcess(row: OrderProcessRow): OrderProcess {
  return OrderProcess.restore(
    {
      orderId: orderId(row.order_id),
      step: row.step,
      startedAt: row.started_at,
      pending: row.pending,
      attempts: row.attempts,
      ...(row.next_attempt_at && { nextAttemptAt: row.next_attempt_at }),
      ...(row.fraud_review && { fraudReview: row.fraud_review }),
      ...(row.authorization_id && { authorizationId: row.authorization_id }),
      ...(row.authorization_voided && { authorizationVoided: true }),
      ...(row.reservation_deadline && { reservationDeadline: row.reservation_deadline }),
      ...(row.inventory && { inventory: row.inventory }),
      ...(row.cancellation_reason && { cancellationReason: row.cancellation_reason }),
    },
    row.version,
  );
}

/** Every column a save writes, `order_id` first; `due_at` and `deadline_at` are derived for the sweeps. */
export const processColumns = [
  'order_id',
  'step',
  'started_at',
  'pending',
  'attempts',
  'next_attempt_at',
  'fraud_review',
  'authorization_id',
  'authorization_voided',
  'reservation_deadline',
  'inventory',
  'cancellation_reason',
  'due_at',
  'deadline_at',
] as const;

/** Each column's type, as a multi-row save reads its rows (`pending` as the text of its JSON). */
export const processColumnTypes: Record<(typeof processColumns)[number], string> = {
  order_id: 'uuid',
  step: 'text',
  started_at: 'timestamptz',
  pending: 'text',
  attempts: 'integer',
  next_attempt_at: 'timestamptz',
  fraud_review: 'text',
  authorization_id: 'text',
  authorization_voided: 'boolean',
  reservation_deadline: 'timestamptz',
  inventory: 'text',
  cancellation_reason: 'text',
  due_at: 'timestamptz',
  deadline_at: 'timestamptz',
};

export function processValues(process: OrderProcess): unknown[] {
  const state = process.toState();
  return [
    state.orderId,
    state.step,
    state.startedAt,
    JSON.stringify(state.pending),
    state.attempts,
    state.nextAttemptAt ?? null,
    state.fraudReview ?? null,
    state.authorizationId ?? null,
    state.authorizationVoided ?? false,
    state.reservationDeadline ?? null,
    state.inventory ?? null,
    state.cancellationReason ?? null,
    process.dueAt ?? null,
    process.deadline ?? null,
  ];
}
