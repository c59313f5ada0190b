import { CancellationReason, OrderLine, OrderProcessStep, OrderStatus, ProcessCommand, ShippingAddress } from '@bazaar/checkout-domain';
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

/**
 * Orders' read side: the order and where its process stands, answered straight from what is stored,
 * never by loading the two aggregates. Between a process decision and the order carrying it out the
 * two may briefly differ; `process.pending` shows what is on its way.
 */
export abstract class OrderQueries {
  abstract byId(orderId: string): Promise<OrderDetails | undefined>;
}
