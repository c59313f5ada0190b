import { OrderDetails, OrderQueries, PaymentState } from '@bazaar/checkout-application';
import { CancellationReason, OrderProcessStep, OrderStatus, ProcessCommand } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';
import { BuyerDataKeys } from './buyer-data-keys';
import { addressOf, OrderAddressRow, OrderLineRow, toLine } from './order.rows';

interface OrderDetailsRow extends OrderAddressRow {
  status: OrderStatus;
  total_amount: string;
  total_currency: string;
  placed_at: Date;
  wrapped_key: string | null;
  lines: OrderLineRow[];
  payment_state: PaymentState;
  decline_reason: string;
  /** `{ score, reasons, decision, decidedBy?, decisionReason? }`, null when no review was asked for. */
  fraud_review: NonNullable<OrderDetails['fraudReview']> | null;
  cancellation_reason: CancellationReason | null;
  /** The process's columns: null until it began. */
  step: OrderProcessStep | null;
  pending: ProcessCommand['type'][];
  attempts: number;
  due_at: Date | null;
  deadline_at: Date | null;
}

/**
 * The order, its lines, the buyer's wrapped key and its process in one statement. The payment's one
 * word comes from the order's outcome and, once cancelled, whether the process voided the
 * authorization; the process's `due_at` and `deadline_at` are the next attempt and the deadline as
 * the sweeps poll them.
 */
const selectOrderDetails = `
  SELECT o.id, o.buyer_id, o.status, o.total_amount::text AS total_amount, o.total_currency, o.placed_at,
         o.ship_sealed, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_postal_code, o.ship_country, k.wrapped_key,
         COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity,
                          'unit_price_amount', l.unit_price_amount::text, 'unit_price_currency', l.unit_price_currency) ORDER BY l.line_no)
                     FROM order_lines l WHERE l.order_id = o.id), '[]') AS lines,
         CASE WHEN o.payment_at IS NOT NULL AND o.payment_state = 'declined' THEN 'declined'
              WHEN o.payment_at IS NOT NULL AND o.payment_state = 'authorized' THEN CASE WHEN p.authorization_voided THEN 'voided' ELSE 'authorized' END
              WHEN o.status = 'cancelled' THEN 'none'
              ELSE 'pending' END AS payment_state,
         COALESCE(o.payment_decline_reason, '') AS decline_reason,
         CASE WHEN o.fraud_requested_at IS NOT NULL THEN json_strip_nulls(json_build_object(
                'score', COALESCE(o.fraud_score, 0), 'reasons', COALESCE(o.fraud_reasons, '{}'), 'decision', COALESCE(o.fraud_decision, 'pending'),
                'decidedBy', NULLIF(o.fraud_decided_by, ''), 'decisionReason', NULLIF(o.fraud_decision_reason, ''))) END AS fraud_review,
         CASE WHEN o.cancelled_at IS NOT NULL THEN o.cancellation_reason END AS cancellation_reason,
         p.step, p.attempts, p.due_at, p.deadline_at,
         COALESCE((SELECT json_agg(c.command ->> 'type' ORDER BY c.n) FROM jsonb_array_elements(p.pending) WITH ORDINALITY AS c(command, n)), '[]') AS pending
    FROM orders o
    LEFT JOIN buyer_keys k ON k.buyer_id = o.buyer_id
    LEFT JOIN order_processes p ON p.order_id = o.id
   WHERE o.id = $1`;

/** Orders' read side, selected straight from the order and process tables; only the address is opened here, with the buyer's key. */
export class TypeOrmOrderQueries extends OrderQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: BuyerDataKeys,
  ) {
    super();
  }

  async byId(orderId: string): Promise<OrderDetails | undefined> {
    const [row] = (await this.transactions.manager.query(selectOrderDetails, [orderId])) as OrderDetailsRow[];
    if (!row) return undefined;
    const { shippingAddress } = addressOf(row, this.keys.unwrap(row.wrapped_key, row.buyer_id));
    return {
      orderId: row.id,
      buyerId: row.buyer_id,
      status: row.status,
      lines: row.lines.map(toLine),
      total: money(Number(row.total_amount), row.total_currency),
      shippingAddress: shippingAddress ?? null,
      personalData: shippingAddress ? 'present' : 'erased',
      placedAt: row.placed_at,
      payment: row.payment_state === 'declined' ? { state: 'declined', declineReason: row.decline_reason } : { state: row.payment_state },
      ...(row.fraud_review && { fraudReview: row.fraud_review }),
      ...(row.cancellation_reason && { cancellationReason: row.cancellation_reason }),
      ...(row.step && {
        process: {
          step: row.step,
          pending: row.pending,
          attempts: row.attempts,
          ...(row.due_at && { nextAttemptAt: row.due_at }),
          ...(row.deadline_at && { reservationDeadline: row.deadline_at }),
        },
      }),
    };
  }
}
