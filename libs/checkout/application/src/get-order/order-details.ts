import { CancellationReason, Order, OrderLine, OrderProcess, OrderProcessStep, OrderStatus, ProcessCommand, ShippingAddress } from '@bazaar/checkout-domain';
import { Money } from '@bazaar/shared-kernel';

/**
 * Where the payment stands, in one word: `pending` until the gateway answers, `none` when the order
 * ended before it asked, `voided` once a cancelled order's authorization was released.
 */
export type PaymentState = 'pending' | 'authorized' | 'declined' | 'voided' | 'none';

export interface ProcessDetails {
  readonly step: OrderProcessStep;
  /** What the process decided and has not carried out yet, in order. */
  readonly pending: readonly ProcessCommand['type'][];
  readonly attempts: number;
  readonly nextAttemptAt?: Date;
  readonly reservationDeadline?: Date;
}

/** What a buyer may see of an order: everything but the payment token and the gateway's references. */
export interface OrderDetails {
  readonly orderId: string;
  readonly buyerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  /** `null` once the buyer's personal data was erased (`personalData: 'erased'`). */
  readonly shippingAddress: ShippingAddress | null;
  readonly personalData: 'present' | 'erased';
  readonly placedAt: Date;
  readonly payment: { readonly state: PaymentState; readonly declineReason?: string };
  readonly fraudReview?: {
    readonly score: number;
    readonly reasons: readonly string[];
    readonly decision: 'pending' | 'approved' | 'rejected';
    readonly decidedBy?: string;
    readonly decisionReason?: string;
  };
  readonly cancellationReason?: CancellationReason;
  /** Absent until the order's process began (screening runs just after the order is placed). */
  readonly process?: ProcessDetails;
}

export function detailsOf(order: Order, process?: OrderProcess): OrderDetails {
  const { id: orderId, buyerId, status, lines, total, shippingAddress, placedAt, fraudReview, cancellationReason } = order;
  return {
    orderId,
    buyerId,
    status,
    lines,
    total,
    shippingAddress: shippingAddress ?? null,
    personalData: shippingAddress ? 'present' : 'erased',
    placedAt,
    payment: paymentOf(order, process),
    ...(fraudReview && {
      fraudReview: {
        score: fraudReview.score,
        reasons: fraudReview.reasons,
        decision: fraudReview.decision ?? 'pending',
        ...(fraudReview.decidedBy && { decidedBy: fraudReview.decidedBy }),
        ...(fraudReview.decisionReason && { decisionReason: fraudReview.decisionReason }),
      },
    }),
    ...(cancellationReason && { cancellationReason }),
    ...(process && { process: processDetailsOf(process) }),
  };
}

function paymentOf(order: Order, process: OrderProcess | undefined): OrderDetails['payment'] {
  const { payment } = order;
  if (payment?.state === 'declined') return { state: 'declined', declineReason: payment.reason };
  if (payment?.state === 'authorized') return { state: process?.authorizationVoided ? 'voided' : 'authorized' };
  return { state: order.status === 'cancelled' ? 'none' : 'pending' };
}

function processDetailsOf(process: OrderProcess): ProcessDetails {
  const { step, pending, attempts, dueAt, deadline } = process;
  return {
    step,
    pending: pending.map((command) => command.type),
    attempts,
    ...(dueAt && { nextAttemptAt: dueAt }),
    ...(deadline && { reservationDeadline: deadline }),
  };
}
